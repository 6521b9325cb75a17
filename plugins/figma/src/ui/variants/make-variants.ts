/**
 * Makes channel variants of the selected image: the subject from the designer's "subject" layer or
 * core's estimate on a small proxy, core's variant plans (subject-aware crop, file names from the
 * lock's template, collisions refused), one frame plan per channel, then the main thread builds them.
 */
import { estimateSubject, planVariants, scaleBoxToImage, type VariantPlanIssue } from '@brandlock/core/channels';
import type { Raster } from '@brandlock/core/raster';
import type { MainBus } from '../bus/main-bus';
import type { LoadedLock } from '../lock/loaded-lock';
import type { ImageSource } from '../../protocol/selection';
import type { CreatedVariant } from '../../protocol/variants';
import type { Box, Point } from '../../protocol/geometry';
import { planVariantFrame } from '../../variants/plan-variant-frame';
import { decodeImageBytes } from '../image/canvas-image';
import { overlayColour, type MakeOptions } from './make-form';

export interface SubjectSource {
  box: Box | null;
  focal: Point | null;
  how: 'marked' | 'alpha' | 'background' | 'saliency';
  confidence: number;
}

export interface MakeResult {
  created: CreatedVariant[];
  issues: VariantPlanIssue[];
  warnings: { channel: string; message: string }[];
  subject: SubjectSource;
}

const PROXY_SIDE = 384;

export async function findSubject(main: MainBus, image: ImageSource): Promise<SubjectSource> {
  if (image.subject) return { box: image.subject, focal: image.focal, how: 'marked', confidence: 1 };
  const { bytes } = await main.call('readImage', { imageHash: image.imageHash });
  const proxy = await decodeImageBytes(bytes, PROXY_SIDE);
  const raster: Raster = { width: proxy.width, height: proxy.height, depth: 8, data: proxy.data };
  const est = estimateSubject(raster);
  const size = { width: image.imageWidth, height: image.imageHeight };
  const focal = image.focal ?? { x: (est.focal.x * size.width) / proxy.width, y: (est.focal.y * size.height) / proxy.height };
  return { box: scaleBoxToImage(est.box, proxy, size), focal, how: est.method, confidence: est.confidence };
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
  const subject = await findSubject(main, image);
  const channels = lock.channels.filter((c) => options.channelIds.includes(c.id));
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
    ? { text: options.copy, position: options.position, font: options.font, color: overlayColour(lock, options.colorId), align: options.align }
    : null;
  const frames = plans.map((p) => planVariantFrame(p, size, overlay));
  const warnings = frames.flatMap((f) => f.warnings.map((message) => ({ channel: f.channelName, message })));
  if (!frames.length) return { created: [], issues, warnings, subject };
  const created = await main.call(
    'createVariants',
    { source: { nodeId: image.nodeId, imageHash: image.imageHash }, groupName: `${options.naming.sku.trim() || image.nodeName} · channel variants`, naming: options.naming, frames },
    { signal, onProgress: (p) => onProgress(p.done, p.total, p.label) },
  );
  for (const c of created) {
    if (c.overflow) warnings.push({ channel: c.frameName, message: 'the copy does not fit at the smallest size; shorten it' });
    else if (c.brokeWords) warnings.push({ channel: c.frameName, message: 'a word had to be split across lines; shorten the copy or choose another position' });
  }
  return { created, issues, warnings, subject };
}
