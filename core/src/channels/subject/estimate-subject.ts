/**
 * Finds the subject when nobody said where it is: from the alpha channel when the master is a
 * cut-out, else with the QC module's studio segmentation (a background model from the border, grown
 * inward) when the backdrop is uniform, else a centre-weighted saliency estimate. Meant for a small
 * proxy (a few hundred pixels across); map the box back with `scaleBoxToImage`.
 */
import type { Raster } from '../../raster/raster';
import { rasterToLab } from '../../raster/lab-image';
import { segmentSubject } from '../../raster/segment-subject';
import type { Box, FocalPoint } from '../crop/crop-types';
import { alphaBounds } from './alpha-bounds';
import { saliencyMap } from './saliency-map';
import { boxOfMass } from './box-of-mass';

export interface SubjectEstimate {
  box: Box;
  focal: FocalPoint;
  /** alpha: from transparency; background: segmented against a uniform backdrop; saliency: a guess. */
  method: 'alpha' | 'background' | 'saliency';
  /** 0 to 1: how far to trust the box. Below 0.75 the background was not uniform. */
  confidence: number;
}

/** Share of border pixels that must match the backdrop for the segmented box to be trusted. */
const UNIFORM_BORDER = 0.75;

/**
 * @example
 * const est = estimateSubject(proxy);
 * const box = scaleBoxToImage(est.box, proxy, master);
 */
export function estimateSubject(raster: Raster): SubjectEstimate {
  const { width, height } = raster;
  const alpha = alphaBounds(raster);
  if (alpha) {
    const b = alpha.box;
    return { box: b, focal: { x: b.x + b.width / 2, y: b.y + b.height / 2 }, method: 'alpha', confidence: 1 };
  }
  const segmented = segmentSubject(rasterToLab(raster));
  if (segmented.box && segmented.borderMatch >= UNIFORM_BORDER && segmented.coverage < 0.98) {
    const b = segmented.box;
    return { box: grow(b, 1, width, height), focal: { x: b.x + b.width / 2, y: b.y + b.height / 2 }, method: 'background', confidence: segmented.borderMatch };
  }
  const map = saliencyMap(raster);
  const weights = new Float32Array(width * height);
  const sx = 0.35 * width;
  const sy = 0.35 * height;
  for (let y = 0, i = 0; y < height; y++) {
    const dy = (y + 0.5 - height / 2) / sy;
    for (let x = 0; x < width; x++, i++) {
      const dx = (x + 0.5 - width / 2) / sx;
      weights[i] = Math.max(0, map.saliency[i] - map.median) * Math.exp(-(dx * dx + dy * dy) / 2);
    }
  }
  const found = boxOfMass(weights, width, height, 0.05);
  if (!found) return { box: { x: 0, y: 0, width, height }, focal: { x: width / 2, y: height / 2 }, method: 'saliency', confidence: 0 };
  return { box: found.box, focal: found.centroid, method: 'saliency', confidence: Math.min(segmented.borderMatch, 0.5) };
}

/**
 * Maps a box found on a proxy to the full-size image, grown by `pad` proxy pixels so a garment edge
 * that fell inside a proxy pixel is never cut.
 * @example scaleBoxToImage({ x: 10, y: 20, width: 100, height: 200 }, { width: 256, height: 384 }, { width: 4000, height: 6000 })
 */
export function scaleBoxToImage(box: Box, from: { width: number; height: number }, to: { width: number; height: number }, pad = 1): Box {
  const fx = to.width / from.width;
  const fy = to.height / from.height;
  const x0 = Math.max(0, Math.floor((box.x - pad) * fx));
  const y0 = Math.max(0, Math.floor((box.y - pad) * fy));
  const x1 = Math.min(to.width, Math.ceil((box.x + box.width + pad) * fx));
  const y1 = Math.min(to.height, Math.ceil((box.y + box.height + pad) * fy));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function grow(box: Box, by: number, width: number, height: number): Box {
  const x = Math.max(0, box.x - by);
  const y = Math.max(0, box.y - by);
  return { x, y, width: Math.min(width, box.x + box.width + by) - x, height: Math.min(height, box.y + box.height + by) - y };
}
