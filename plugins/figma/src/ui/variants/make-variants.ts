/**
 * Makes channel variants of the selected image: the subject from the designer's "subject" layer or
 * core's estimate on a small proxy, core's variant plans (subject-aware crop, file names from the
 * lock's template, collisions refused), one frame plan per channel (copy only where the channel
 * allows text, clear of the subject, in a palette colour checked for WCAG contrast against the
 * pixels under it), then the main thread builds them.
 */
import { estimateSubject, planVariants, scaleBoxToImage, type VariantPlanIssue } from '@brandlock/core/channels';
import type { Raster } from '@brandlock/core/raster';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { ImageSource } from '../../protocol/selection';
import type { CreatedVariant } from '../../protocol/variants';
import type { Box, Point } from '../../protocol/geometry';
import { planVariantFrame } from '../../variants/plan-variant-frame';
import { sampleUnderBox, type DecodedPixels } from '../../variants/sample-under-box';
import { chooseCopyColour } from '../../variants/choose-copy-colour';
import { requiredContrast } from '../../palette/wcag-contrast';
import { planLegibilityPlate } from '../../variants/plan-legibility-plate';
import { resolveSwatches } from '../../palette/swatch-colors';
import { decodeImageBytes } from '../image/canvas-image';
import type { MakeOptions } from './make-form';

export interface SubjectSource {
  box: Box | null;
  focal: Point | null;
  how: 'marked' | 'alpha' | 'background' | 'saliency';
  confidence: number;
}

export interface MakeResult {
  created: CreatedVariant[];
  issues: VariantPlanIssue[];
  /** What each frame compromises on: its channel's name, and the frame once it is made (a "show" link). */
  warnings: { channel: string; channelId: string; nodeId?: string; message: string }[];
  subject: SubjectSource;
}

const PROXY_SIDE = 384;

/** A small decoded copy of the source: the subject estimate and the contrast check read it. */
export async function readProxy(main: MainBus, image: ImageSource): Promise<DecodedPixels> {
  const { bytes } = await main.call('readImage', { imageHash: image.imageHash });
  return decodeImageBytes(bytes, PROXY_SIDE);
}

export async function findSubject(image: ImageSource, proxy: () => Promise<DecodedPixels>): Promise<SubjectSource> {
  if (image.subject) return { box: image.subject, focal: image.focal, how: 'marked', confidence: 1 };
  const img = await proxy();
  const raster: Raster = { width: img.width, height: img.height, depth: 8, data: img.data };
  const est = estimateSubject(raster);
  const size = { width: image.imageWidth, height: image.imageHeight };
  const focal = image.focal ?? { x: (est.focal.x * size.width) / img.width, y: (est.focal.y * size.height) / img.height };
  return { box: scaleBoxToImage(est.box, img, size), focal, how: est.method, confidence: est.confidence };
}

export async function makeVariants(args: {
  main: MainBus;
  loaded: LoadedLock;
  image: ImageSource;
  options: MakeOptions;
  signal: AbortSignal;
  onProgress(done: number, total: number, label: string): void;
}): Promise<MakeResult> {
  const { main, loaded, image, options, signal, onProgress } = args;
  const { lock } = loaded;
  onProgress(0, options.channelIds.length, 'Finding the subject');
  let decoded: Promise<DecodedPixels> | null = null;
  const proxy = () => (decoded ??= readProxy(main, image));
  const subject = await findSubject(image, proxy);
  // Frames are made whatever the lock's maxUpscale (the crop notes an enlargement): the Figma plugin
  // never had an upscale rule, and whether a designer's frame should be refused is the Figma owner's call.
  const channels = lock.channels.filter((c) => options.channelIds.includes(c.id)).map((c) => ({ ...c, maxUpscale: Number.POSITIVE_INFINITY }));
  const size = { width: image.imageWidth, height: image.imageHeight };
  const { plans, issues } = planVariants({
    lock,
    lockHash: loaded.hash,
    master: size,
    subject: subject.how === 'saliency' && subject.confidence < 0.25 ? null : subject.box,
    focal: subject.focal ? [subject.focal] : undefined,
    sku: options.naming.sku.trim(),
    colorway: options.naming.colorway.trim() || undefined,
    view: options.naming.view.trim() || undefined,
    category: options.naming.category || undefined,
    market: options.naming.market || undefined,
    channels,
    // Figma exports carry no embedded metadata; the server pipeline writes XMP/IPTC on delivery.
    provenance: { digitalSourceType: 'digitalCapture' },
  });
  const overlay = options.copy.trim()
    ? {
        text: options.copy,
        position: options.position,
        font: options.font,
        color: { r: 0, g: 0, b: 0 },
        align: options.align,
        ...(lock.typography ? { sizeRange: { min: lock.typography.copy.minSize, max: lock.typography.copy.maxSize } } : {}),
      }
    : null;
  const frames = plans.map((p) => planVariantFrame(p, size, overlay));
  const warnings: MakeResult['warnings'] = frames.flatMap((f) => f.warnings.map((message) => ({ channel: f.channelName, channelId: f.channelId, message })));
  const swatches = resolveSwatches(lock.palette).map((s) => ({ id: s.id, name: s.name, rgb: s.rgb }));
  for (const [i, frame] of frames.entries()) {
    if (!frame.overlay || !swatches.length) continue;
    const samples = sampleUnderBox(await proxy(), size, plans[i].crop, frame.background, frame.overlay.box);
    const required = requiredContrast(frame.overlay.minSize, /bold|black|heavy|semi/i.test(frame.overlay.font.style));
    const colour = chooseCopyColour(samples, swatches, options.colorId, required);
    const plate = planLegibilityPlate(samples, colour.swatch.rgb, required);
    frame.overlay = { ...frame.overlay, color: colour.swatch.rgb, contrast: { ratio: Math.round(colour.ratio * 10) / 10, required, colorName: colour.swatch.name }, plate };
    if (colour.warning) {
      const shade = plate && (plate.color.r === 0 ? 'black' : 'white');
      const fix = plate
        ? plate.ratio >= required
          ? `; a ${shade} plate at ${Math.round(plate.opacity * 100)}% behind the copy brings it to ${plate.ratio.toFixed(1)}:1`
          : `; even a ${shade} plate at ${Math.round(plate.opacity * 100)}% reaches only ${plate.ratio.toFixed(1)}:1: choose another position or colour`
        : '';
      warnings.push({ channel: frame.channelName, channelId: frame.channelId, message: colour.warning + fix });
    }
  }
  if (!frames.length) return { created: [], issues, warnings, subject };
  const created = await main.call(
    'createVariants',
    { source: { nodeId: image.nodeId, imageHash: image.imageHash }, groupName: `${options.naming.sku.trim() || image.nodeName} · channel variants`, naming: options.naming, frames },
    { signal, onProgress: (p) => onProgress(p.done, p.total, p.label) },
  );
  const nameOf = (channelId: string, fallback: string) => frames.find((f) => f.channelId === channelId)?.channelName ?? fallback;
  for (const c of created) {
    if (c.overflow) warnings.push({ channel: nameOf(c.channelId, c.frameName), channelId: c.channelId, message: 'the copy does not fit at the smallest size; shorten it' });
    else if (c.brokeWords) warnings.push({ channel: nameOf(c.channelId, c.frameName), channelId: c.channelId, message: 'a word had to be split across lines; shorten the copy or choose another position' });
  }
  for (const w of warnings) w.nodeId = created.find((c) => c.channelId === w.channelId)?.nodeId;
  return { created, issues, warnings, subject };
}
