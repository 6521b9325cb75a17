/**
 * Classical subject segmentation for studio photography (flat-lays, ghost mannequin, packshots,
 * on-model on a sweep): a background colour model from the image border in Lab, grown inward from
 * the border within a tolerance (and along gentle gradients such as sweep fall-off), reduced to the
 * main component(s) with holes filled, and enclosed pockets of backdrop opened again. An image with
 * real transparency is segmented by its alpha instead. No learned model: it needs a backdrop that
 * differs from the garment.
 */
import type { Lab } from '../color/lab';
import type { LabImage } from './lab-image';
import { createMask, maskArea, maskBox, type Box, type Mask } from './mask';
import { fillHoles, labelComponents, selectComponents, type Component, type Components } from './connected-components';
import { growBackground } from './grow-background';
import { borderBackgroundModel } from './border-background-model';

export interface SegmentOptions {
  /** Smallest colour tolerance around the border model, Lab units. Default 1.5 (a clean white sweep). */
  minTolerance?: number;
  /** Largest tolerance, however busy the border. Default 16. */
  maxTolerance?: number;
  /** Weight of ΔL against Δa/Δb in the background distance (shadows on a sweep are mostly ΔL). Default 0.8. */
  lightnessWeight?: number;
  /** Components at least this fraction of the largest are part of the subject (a pair of shoes). Default 0.15. */
  keepFraction?: number;
}

export interface SubjectSegmentation {
  /** 1 = subject, on the LabImage's grid. */
  mask: Mask;
  box: Box | null;
  /** Fraction of the image the subject covers. */
  coverage: number;
  source: 'alpha' | 'background';
  /** Border background model (median Lab), null when segmented by alpha. */
  background: Lab | null;
  /** Tolerance the background was grown with, Lab units (0 for alpha). */
  tolerance: number;
  /** Fraction of border pixels within tolerance of the model: low means a busy background or a cropped subject. */
  borderMatch: number;
  /** Per-pixel weighted Lab distance from the background model (null for alpha). */
  distance: Float32Array | null;
  /** Not background, not the subject: stray objects and dust on the backdrop, largest first. */
  strays: Component[];
  /** The stray pixels as a mask. */
  strayMask: Mask;
}

const TRANSPARENT = 128;

/**
 * Finds the subject of a studio photograph.
 * @example
 * const seg = segmentSubject(rasterToLab(proxy));
 * seg.box // { x, y, width, height } of the garment on the proxy grid
 */
export function segmentSubject(lab: LabImage, options: SegmentOptions = {}): SubjectSegmentation {
  const { width, height } = lab;
  const keepFraction = options.keepFraction ?? 0.15;
  const raw = createMask(width, height);
  if (lab.alpha && hasTransparency(lab.alpha)) {
    opaqueInto(raw.data, lab.alpha);
    const parts = labelComponents(raw);
    const mask = fillHoles(selectComponents(parts, width, height, subjectLabels(parts, keepFraction)));
    return result(mask, parts, 'alpha', null, 0, 1, null);
  }
  const model = borderBackgroundModel(lab, {
    minTolerance: options.minTolerance ?? 1.5,
    maxTolerance: options.maxTolerance ?? 16,
    lightnessWeight: options.lightnessWeight ?? 0.8,
  });
  const background = growBackground(lab, model);
  invertInto(raw.data, background);
  const parts = labelComponents(raw);
  const filled = fillHoles(selectComponents(parts, width, height, subjectLabels(parts, keepFraction)));
  const mask = openBackgroundHoles(filled, model.distance, model.tolerance);
  return result(mask, parts, 'background', model.median, model.tolerance, model.borderMatch, model.distance);
}

// The passes over the pixels are functions of their own, so that segmentSubject, which runs once per
// image, has no long loop: V8 compiled the whole of it round each such loop while it ran (on-stack
// replacement), and again after each call that had not run yet, many times per QC worker.

/** 1 where the pixel is at least half opaque. */
function opaqueInto(out: Uint8Array, alpha: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = alpha[i] >= TRANSPARENT ? 1 : 0;
}

/** 1 where `background` is 0. */
function invertInto(out: Uint8Array, background: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = background[i] ^ 1;
}

/**
 * True when the subject was cut from a clean studio sweep (the backdrop is one colour, a tolerance of
 * at most 10, covering at least `minBorderMatch` of the border; the subject neither vanishes nor fills
 * the frame), or from a cutout's alpha: a mask measures and corrections can trust. A busy or
 * patterned backdrop is not one. QC accepts a subject cropped by the frame (an on-model torso) with
 * half the border; post-production, which replaces the backdrop, asks for 85%.
 * @example isCleanSweep(segmentSubject(lab)) // false for a shirt on a bedsheet
 */
export function isCleanSweep(seg: SubjectSegmentation, minBorderMatch = 0.85): boolean {
  if (seg.source === 'alpha') return true;
  return seg.borderMatch >= minBorderMatch && seg.tolerance <= 10 && seg.coverage >= 0.02 && seg.coverage <= 0.92;
}

function subjectLabels(parts: Components, keepFraction: number): number[] {
  const main = parts.components[0];
  return main ? parts.components.filter((c) => c.area >= main.area * keepFraction).map((c) => c.label) : [];
}

function result(
  mask: Mask,
  parts: Components,
  source: 'alpha' | 'background',
  background: Lab | null,
  tolerance: number,
  borderMatch: number,
  distance: Float32Array | null,
): SubjectSegmentation {
  const { width, height } = mask;
  const strays = strayComponents(parts, mask, distance, tolerance);
  return {
    mask,
    box: maskBox(mask),
    coverage: maskArea(mask) / (width * height),
    source,
    background,
    tolerance,
    borderMatch,
    distance,
    strays,
    strayMask: selectComponents(parts, width, height, strays.map((c) => c.label)),
  };
}

/**
 * Stray objects: blobs that differ clearly from the backdrop and are not part of the subject (the
 * subject's own shadow and edge pixels are connected to it, so they do not count).
 */
function strayComponents(parts: Components, subject: Mask, distance: Float32Array | null, tolerance: number): Component[] {
  const { width, height } = subject;
  const inSubject = new Uint8Array(parts.components.length + 1);
  for (let i = 0; i < subject.data.length; i++) if (subject.data[i]) inSubject[parts.labels[i]] = 1;
  const minArea = Math.max(2, Math.round(width * height * 2e-6));
  return parts.components.filter((c) => !inSubject[c.label] && c.area >= minArea && (!distance || differs(parts.labels, c, distance, tolerance, width)));
}

/** True when some pixel of the component is clearly off the backdrop (not just at the tolerance edge). */
function differs(labels: Int32Array, c: Component, distance: Float32Array, tolerance: number, width: number): boolean {
  for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
    for (let x = c.box.x, p = y * width + x; x < c.box.x + c.box.width; x++, p++) {
      if (labels[p] === c.label && distance[p] > tolerance * 1.5) return true;
    }
  }
  return false;
}

/**
 * Enclosed pockets of backdrop (between an arm and the body, inside a strap) are background too:
 * regions inside the subject that match the model within half the tolerance and are big enough not
 * to be a highlight or a print.
 */
function openBackgroundHoles(mask: Mask, distance: Float32Array, tolerance: number): Mask {
  const { width, height } = mask;
  const tight = tolerance / 2;
  const candidate = createMask(width, height);
  for (let i = 0; i < candidate.data.length; i++) candidate.data[i] = mask.data[i] && distance[i] <= tight ? 1 : 0;
  const holes = labelComponents(candidate, 4);
  const minArea = width * height * 5e-4;
  const out = mask.data.slice();
  for (const c of holes.components) {
    if (c.area < minArea) break;
    for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
      for (let x = c.box.x, p = y * width + x; x < c.box.x + c.box.width; x++, p++) if (holes.labels[p] === c.label) out[p] = 0;
    }
  }
  return { width, height, data: out };
}

function hasTransparency(alpha: Uint8Array): boolean {
  let n = 0;
  for (let i = 0; i < alpha.length; i++) if (alpha[i] < TRANSPARENT) n++;
  return n >= alpha.length * 0.01;
}
