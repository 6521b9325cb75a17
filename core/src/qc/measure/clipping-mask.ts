/**
 * Where QC counts blown highlights. Two things go wrong with "every subject pixel at 255":
 * - on a pure-white backdrop a highlight blown inside the garment looks exactly like backdrop, so
 *   segmentation leaves it out (a hole, or a bite where it reaches the outline) and it goes uncounted;
 * - a white print or logo is 255 by design, and a gap between an arm and the body is backdrop:
 *   neither is a blown highlight.
 * So every blown region the subject holds, encloses (holes) or would enclose if its outline were
 * smooth (a closing of the mask: the shape prior) is judged by what surrounds it: a highlight fades
 * into the fabric over many pixels, a print or a gap of backdrop ends at an edge (most of the change
 * in one step). Regions of a pixel or two (glints) count as highlights, and so do blown regions in
 * fabric that is nearly as bright (over-exposed white). A white garment on white passes when its lit
 * fabric is not blown. Proxy grid; a cutout's alpha is its outline, so only the edge test applies.
 */
import type { Box, Mask } from '../../raster/mask';
import { maskBox } from '../../raster/mask';
import { cropMask, padBox, pasteMask } from '../../raster/crop-mask';
import { closeMask, dilateMask } from '../../raster/morphology';
import { fillHoles, labelComponents, type Component } from '../../raster/connected-components';
import type { Raster } from '../../raster/raster';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { isBlown } from './clipped-pixel';
import { fabricClusters } from './fabric-clusters';

export interface BlownRegion {
  /** Proxy-grid box. */
  box: Box;
  area: number;
  /** How much darker the garment gets going out from the region, L*. */
  drop: number;
  /** Proxy pixels over which the middle 80% of that drop happens: 1 or 2 at a hard edge. */
  width: number;
  /** Outside the segmented subject (a hole or a bite the backdrop took). */
  outside: boolean;
  highlight: boolean;
}

export interface HighlightMasks {
  /** The subject plus the highlights segmentation took for backdrop: what clipping is a share of. */
  subject: Mask;
  /** Blown regions judged highlights (grown a pixel, so their edge cells count). */
  highlights: Mask;
  regions: BlownRegion[];
}

/** Rings (proxy pixels) the fall-off round a blown region is read over: at least this, or 1.5 radii. */
const MIN_RINGS = 8;
/** A blown region whose surroundings darken by less than this (L*) sits in equally bright fabric: over-exposed. */
const FLAT = 3;
/**
 * A fall-off at least this share of the region's radius wide is a highlight's, and at least this many
 * rings wide: 2 inside the subject (a print's edge is about 1), 4 for a region segmentation gave to the
 * backdrop (a gap of backdrop ends at the garment's edge plus a rim of JPEG ringing, 2 to 3 rings).
 */
const FADE_RADII = 0.22;
const FADE_RINGS_INSIDE = 2;
const FADE_RINGS_OUTSIDE = 4;
/** Dark bands in the fall-off up to this many rings wide are not the garment's level (see edgeProfile). */
const RINGING_RINGS = 3;
/** Blown regions up to this many proxy pixels are glints: highlights without a test. */
const GLINT = 2;

/**
 * @example highlightMasks(image).regions.filter((r) => r.highlight && r.outside).length // 1: the hotspot hole
 */
export function highlightMasks(image: QcImage): HighlightMasks {
  return memoized(image, 'highlight-masks', () => compute(image));
}

/**
 * The subject as clipping measures it (with the highlights segmentation took for backdrop).
 * @example clippingMask(image)
 */
export function clippingMask(image: QcImage): Mask {
  return highlightMasks(image).subject;
}

/** How far a highlight's glow is taken to reach, in radii of the blown region (see highlightGlow). */
const GLOW_RADII = 3;

/**
 * Where the highlights' glow lies (1 = within GLOW_RADII radii of a highlight's centre, proxy grid),
 * or null when there is no highlight. A hotspot's light fades from white into the fabric over about
 * two to three of its radii, passing through every lightness between them: the fabric mask keeps
 * these pixels out of the decision that parts a light print from the fabric by lightness.
 * @example highlightGlow(image) // null: no blown highlight on the garment
 */
export function highlightGlow(image: QcImage): Uint8Array | null {
  return memoized(image, 'highlight-glow', () => glowOf(image));
}

// A named function, not a closure made afresh per image (V8 optimised each new closure's loop again).
function glowOf(image: QcImage): Uint8Array | null {
  const { regions, highlights } = highlightMasks(image);
  const lit = regions.filter((r) => r.highlight);
  if (!lit.length) return null;
  const { width, height } = image.subject.mask;
  const glow = new Uint8Array(width * height);
  for (const r of lit) {
    const { cx, cy } = centreOf(highlights.data, width, r);
    const far = GLOW_RADII * Math.sqrt(r.area / Math.PI) + 2;
    for (let y = Math.max(0, Math.floor(cy - far)); y < Math.min(height, Math.ceil(cy + far + 1)); y++) {
      const dy2 = (y - cy) ** 2;
      for (let x = Math.max(0, Math.floor(cx - far)), p = y * width + x; x < Math.min(width, Math.ceil(cx + far + 1)); x++, p++) {
        if ((x - cx) ** 2 + dy2 <= far * far) glow[p] = 1;
      }
    }
  }
  return glow;
}

/** The centroid of a region's blown pixels (its box's centre when none is left in `blown`). */
export function centreOf(blown: Uint8Array, width: number, r: BlownRegion): { cx: number; cy: number } {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let y = r.box.y; y < r.box.y + r.box.height; y++) {
    for (let x = r.box.x, p = y * width + x; x < r.box.x + r.box.width; x++, p++) {
      if (!blown[p]) continue;
      sx += x;
      sy += y;
      n++;
    }
  }
  return n ? { cx: sx / n, cy: sy / n } : { cx: r.box.x + r.box.width / 2, cy: r.box.y + r.box.height / 2 };
}

function compute(image: QcImage): HighlightMasks {
  const subject = image.subject.mask;
  const { width, height } = subject;
  const box = maskBox(subject);
  const empty = { subject, highlights: { width, height, data: new Uint8Array(width * height) }, regions: [] };
  if (!box) return empty;
  const px = image.proxy.data;
  const alpha = image.lab.alpha;
  const cutout = image.subject.source === 'alpha';
  // The shape prior: a garment's outline is smooth over about a tenth of its size, so a bite up to
  // that wide is closed and what fills it judged (an armpit or a gap closed this way is judged too,
  // and ends at the garment's edge).
  const radius = Math.max(2, Math.round(0.06 * Math.max(box.width, box.height)));
  // Most photos have no blown pixel near the garment: then there is nothing to judge.
  if (!blownNear(px, alpha, width, height, box, radius)) return empty;
  const reach = cutout ? subject : closedOutline(subject, box, radius);
  const blown = new Uint8Array(width * height);
  if (!markBlown(px, alpha, reach.data, blown)) return empty;
  const parts = labelComponents({ width, height, data: blown }, 8);
  const accepted = new Uint8Array(width * height);
  const regions: BlownRegion[] = [];
  const visited = new Int32Array(width * height);
  for (const c of parts.components) {
    const inSubject = touchesSubject(parts.labels, c, subject.data, width);
    const glint = c.area <= GLINT;
    if (glint && !inSubject) continue;
    const profile = glint ? { drop: 0, width: 0 } : edgeProfile(image, parts.labels, c, visited);
    const radius = Math.sqrt(c.area / Math.PI);
    const highlight = glint || profile.drop < FLAT || (profile.width >= (inSubject ? FADE_RINGS_INSIDE : FADE_RINGS_OUTSIDE) && profile.width >= FADE_RADII * radius);
    if (!glint) regions.push({ box: c.box, area: c.area, ...profile, outside: !inSubject, highlight });
    if (!highlight) continue;
    markComponent(parts.labels, c, width, accepted);
  }
  const grown = dilateMask({ width, height, data: accepted }, 1).data;
  const highlights = new Uint8Array(width * height);
  const data = subject.data.slice();
  addHighlights(grown, reach.data, highlights, data);
  return { subject: { width, height, data }, highlights: { width, height, data: highlights }, regions };
}

// The passes over the pixels are functions of their own: V8 optimises a long loop while it runs
// (on-stack replacement) by compiling the whole function round it, again for each later loop it has not
// seen run, so one function with every pass was compiled many times per worker for little work.

/** True when a blown, opaque pixel lies within `radius` of the box. */
function blownNear(px: Raster['data'], alpha: Uint8Array | null, width: number, height: number, box: Box, radius: number): boolean {
  for (let y = Math.max(0, box.y - radius); y < Math.min(height, box.y + box.height + radius); y++) {
    for (let x = Math.max(0, box.x - radius), p = (y * width + x) * 4; x < Math.min(width, box.x + box.width + radius); x++, p += 4) {
      if (isBlown(px[p], px[p + 1], px[p + 2]) && (!alpha || alpha[y * width + x] >= 128)) return true;
    }
  }
  return false;
}

/** Sets `blown` where a pixel within reach is blown and opaque; true when any is. */
function markBlown(px: Raster['data'], alpha: Uint8Array | null, reach: Uint8Array, blown: Uint8Array): boolean {
  let any = false;
  for (let i = 0, p = 0; i < blown.length; i++, p += 4) {
    if (reach[i] && (!alpha || alpha[i] >= 128) && isBlown(px[p], px[p + 1], px[p + 2])) {
      blown[i] = 1;
      any = true;
    }
  }
  return any;
}

function markComponent(labels: Int32Array, c: Component, width: number, out: Uint8Array): void {
  for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
    for (let x = c.box.x, p = y * width + x; x < c.box.x + c.box.width; x++, p++) if (labels[p] === c.label) out[p] = 1;
  }
}

/** The grown highlights within reach, set in `highlights` and in the subject's `data`. */
function addHighlights(grown: Uint8Array, reach: Uint8Array, highlights: Uint8Array, data: Uint8Array): void {
  for (let i = 0; i < data.length; i++) {
    if (!grown[i] || !reach[i]) continue;
    highlights[i] = 1;
    data[i] = 1;
  }
}

/**
 * The subject with its holes filled and its outline closed by `radius` (the shape prior), computed on
 * the subject's box with a margin (the same result as on the whole frame, at a fraction of the cost).
 */
function closedOutline(subject: Mask, box: Box, radius: number): Mask {
  const win = padBox(box, radius + 2, subject.width, subject.height);
  return pasteMask(fillHoles(closeMask(fillHoles(cropMask(subject, win)), radius)), win, subject.width, subject.height);
}

/** True when some pixel of the component is in the subject. */
function touchesSubject(labels: Int32Array, c: Component, subject: Uint8Array, width: number): boolean {
  for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
    for (let x = c.box.x, p = y * width + x; x < c.box.x + c.box.width; x++, p++) if (labels[p] === c.label && subject[p]) return true;
  }
  return false;
}

/**
 * The garment's lightness going out from the region, ring by ring (prints and logos left out, each
 * ring read at its upper quartile): `drop`
 * is how much darker it gets, `width` over how many rings the middle 80% of that drop happens. A
 * highlight fades out over a distance that grows with its size (a specular lobe); the edge of a print,
 * or of the garment round a gap of backdrop, is a couple of pixels wide whatever the gap's size.
 */
function edgeProfile(image: QcImage, labels: Int32Array, c: Component, visited: Int32Array): { drop: number; width: number } {
  const { width, height } = image.subject.mask;
  const subject = image.subject.mask.data;
  const excluded = fabricClusters(image)?.excluded.data;
  const L = image.lab.l;
  let frontier: number[] = [];
  for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
    for (let x = c.box.x, p = y * width + x; x < c.box.x + c.box.width; x++, p++) {
      if (labels[p] !== c.label) continue;
      frontier.push(p);
      visited[p] = c.label;
    }
  }
  const rings = Math.max(MIN_RINGS, Math.ceil(1.5 * Math.sqrt(c.area / Math.PI)));
  const profile: number[] = [];
  for (let d = 1; d <= rings && frontier.length; d++) {
    const next: number[] = [];
    const ring: number[] = [];
    for (const p of frontier) {
      const x = p % width;
      for (const q of [x > 0 ? p - 1 : -1, x < width - 1 ? p + 1 : -1, p >= width ? p - width : -1, p < width * (height - 1) ? p + width : -1]) {
        if (q < 0 || visited[q] === c.label || !subject[q]) continue;
        visited[q] = c.label;
        next.push(q);
        if (!excluded?.[q]) ring.push(L[q]);
      }
    }
    frontier = next;
    if (ring.length) {
      ring.sort((a, b) => a - b);
      // The ring's upper quartile: the fabric round a highlight is its lightest part, so a print or a
      // logo the light falls across (the clipped region wraps round its letters) does not pass for
      // the region's edge; round a white print or a gap of backdrop the whole ring is dark anyway.
      profile.push(ring[Math.floor(ring.length * 0.75)]);
    }
  }
  if (profile.length < 2) return { drop: 0, width: 0 };
  // A dark band up to RINGING_RINGS wide hugging the region with lighter fabric just beyond it is not
  // where the garment ends up: JPEG ringing round a clipped plateau, or the edge of a print the light
  // falls across. Filled, it is not taken for the bottom of the fall-off a ring or two out (which made
  // a highlight's wide fade read as a print's edge). A wider dark band (a dark print round a white
  // one) stays.
  const closed = profile.map((v, d) => Math.max(v, ...profile.slice(d + 1, d + 1 + RINGING_RINGS)));
  profile.splice(0, profile.length, ...closed);
  const top = Math.max(...profile);
  const bottom = Math.min(...profile);
  const drop = top - bottom;
  const crossing = (level: number) => {
    for (let d = 1; d < profile.length; d++) {
      if (profile[d] <= level && profile[d - 1] > level) return d - 1 + (profile[d - 1] - level) / (profile[d - 1] - profile[d]);
    }
    return profile.length - 1;
  };
  return { drop, width: drop > 0 ? crossing(bottom + 0.1 * drop) - crossing(top - 0.1 * drop) : 0 };
}
