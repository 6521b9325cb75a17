/**
 * Where the garment is in a master, from the best source available: a box the user gave, the
 * master's alpha channel, or the core estimate (studio segmentation, then saliency) on a small
 * proxy. Whatever produced it, the crop only sees a box and a focal point.
 */
import sharp, { type Sharp } from 'sharp';
import { alphaBounds, estimateSubject, scaleBoxToImage, type Box, type FocalPoint } from '@brandlock/core';
import { masterRaster, type LoadedMaster } from './load-master';

export interface FoundSubject {
  box: Box;
  focal: FocalPoint | null;
  source: 'given' | 'alpha' | 'background' | 'saliency';
  /** 0 to 1; below 0.75 the box is a guess and the user should check the crops. */
  confidence: number;
}

/** Below this confidence a found box only steers where crops are centred. */
export const TRUSTED_SUBJECT = 0.75;

/**
 * What the crop planner gets: the box when it can be trusted (a low-confidence guess treated as a box
 * that must never be cut would pad lifestyle shots with bands of background), and the focal points
 * the user gave, else the estimate's.
 */
export function cropHints(found: FoundSubject, focal?: readonly FocalPoint[]): { subject: Box | null; focal: readonly FocalPoint[] | undefined } {
  return { subject: found.confidence >= TRUSTED_SUBJECT ? found.box : null, focal: focal?.length ? focal : found.focal ? [found.focal] : undefined };
}

/** Long side of the proxy the estimate runs on. */
const PROXY = 320;

export async function findSubject(master: LoadedMaster, given?: Box | null): Promise<FoundSubject> {
  if (given) return { box: given, focal: null, source: 'given', confidence: 1 };
  if (master.channels === 4) {
    const alpha = alphaBounds(masterRaster(master));
    if (alpha) return { box: alpha.box, focal: null, source: 'alpha', confidence: 1 };
  }
  return estimateOnProxy(sharp(master.pixels, { raw: { width: master.width, height: master.height, channels: master.channels } }), master);
}

/**
 * The estimate for a JPEG master straight from its file, before (or while) the master is decoded: the
 * proxy comes from libjpeg's shrink-on-load (1/8 of a 24 MP master's pixels, its DCT scaled), then the
 * same Lanczos reduce, upright and in sRGB as the decoded master is. `size` is the upright master's.
 */
export async function findSubjectInJpeg(bytes: Uint8Array, size: { width: number; height: number }, maxPixels: number): Promise<FoundSubject> {
  return estimateOnProxy(sharp(bytes, { limitInputPixels: maxPixels }).autoOrient().toColourspace('srgb'), size);
}

async function estimateOnProxy(source: Sharp, master: { width: number; height: number }): Promise<FoundSubject> {
  const { data, info } = await source.resize(PROXY, PROXY, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const proxy = { width: info.width, height: info.height, depth: 8 as const, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  const est = estimateSubject(proxy);
  const fx = master.width / info.width;
  const fy = master.height / info.height;
  return {
    box: scaleBoxToImage(est.box, info, master),
    focal: est.method === 'saliency' ? { x: est.focal.x * fx, y: est.focal.y * fy } : null,
    source: est.method === 'alpha' ? 'alpha' : est.method,
    confidence: est.confidence,
  };
}
