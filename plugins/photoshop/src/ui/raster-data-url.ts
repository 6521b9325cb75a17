/** A small PNG data URL of a raster, for thumbnails in the panel (UXP's <img> takes data URLs). */
import { downsampleRaster, type Raster } from '@brandlock/core/raster';
import { bytesToBase64 } from '../descriptors/base64';
import { encodePng } from '../pixels/encode-png';

export function rasterDataUrl(raster: Raster, maxWidth: number): { url: string; width: number; height: number } {
  const factor = Math.max(1, Math.ceil(raster.width / maxWidth));
  const small = factor > 1 ? downsampleRaster(raster, Math.ceil(raster.width / factor) * Math.ceil(raster.height / factor)).raster : raster;
  return { url: `data:image/png;base64,${bytesToBase64(encodePng(small))}`, width: small.width, height: small.height };
}
