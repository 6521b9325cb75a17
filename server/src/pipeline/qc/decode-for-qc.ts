/**
 * Decodes one file for QC with sharp: the full-resolution 8-bit sRGB raster (sharpness, clipping and
 * halo need every pixel) and, in parallel, the analysis proxy at an integer factor (libvips shrinks
 * JPEGs on load, so the proxy costs a fraction of a full decode). CMYK and 16-bit files are converted
 * to 8-bit sRGB for measuring; the file facts keep what they were, so QC still rejects them.
 */
import sharp from 'sharp';
import { DEFAULT_PROXY_PIXELS, estimateJpegQuality, proxyFactor, type ImageFileFacts, type Proxy, type Raster } from '@brandlock/core';
import { DEFAULT_MAX_PIXELS, ImageDecodeError, decodeImage, probeImage, type DecodeOptions, type ImageInfo } from '../decode-image';

export interface DecodedForQc {
  raster: Raster;
  proxy: Proxy;
  info: ImageInfo;
  facts: ImageFileFacts;
}

/**
 * @example const { raster, proxy, facts } = await decodeForQc(bytes);
 */
export async function decodeForQc(input: Uint8Array, options: DecodeOptions & { maxProxyPixels?: number } = {}): Promise<DecodedForQc> {
  const info = await probeImage(input, options);
  const factor = proxyFactor(info.width, info.height, options.maxProxyPixels ?? DEFAULT_PROXY_PIXELS);
  // libvips shrinks a JPEG or WebP on load, so their proxy is decoded from the file beside the full
  // decode; any other 8-bit file would be decoded twice, so its proxy is reduced from the full raster
  // (the same pixels: the same resize of the same decoded values).
  const fromFile = info.format === 'jpeg' || info.format === 'webp' || info.bitsPerSample > 8;
  const [full, fileProxy] = await Promise.all([decodeImage(input, { ...options, depth: 8 }, info), fromFile ? makeProxy(input, info, factor, options) : null]);
  const proxy = fileProxy ?? (await proxyFromRaster(full.raster, factor));
  return {
    raster: full.raster,
    proxy,
    info,
    facts: {
      format: info.format,
      width: info.width,
      height: info.height,
      space: info.space,
      bitsPerSample: info.bitsPerSample,
      hasAlpha: info.hasAlpha,
      iccDescription: info.iccDescription ?? null,
      bytes: info.bytes,
      jpegQuality: info.format === 'jpeg' ? estimateJpegQuality(input) : null,
    },
  };
}

async function proxyFromRaster(raster: Raster, factor: number): Promise<Proxy> {
  if (factor === 1) return { raster, factor };
  const width = Math.ceil(raster.width / factor);
  const height = Math.ceil(raster.height / factor);
  const { data } = await sharp(Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength), { raw: { width: raster.width, height: raster.height, channels: 4 } })
    .resize({ width, height, fit: 'fill', kernel: 'linear' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return { raster: { width, height, depth: 8, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, factor };
}

async function makeProxy(input: Uint8Array, info: ImageInfo, factor: number, options: DecodeOptions): Promise<Proxy> {
  const width = Math.ceil(info.width / factor);
  const height = Math.ceil(info.height / factor);
  try {
    let pipeline = sharp(input, { limitInputPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS, failOn: 'truncated' });
    if (options.autoOrient !== false) pipeline = pipeline.autoOrient();
    pipeline = pipeline.toColourspace('srgb').ensureAlpha();
    if (factor > 1) pipeline = pipeline.resize({ width, height, fit: 'fill', kernel: 'linear' });
    const { data, info: out } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (out.channels !== 4) throw new ImageDecodeError('corrupt', `decoded to ${out.channels} channels, expected 4`);
    return { raster: { width: out.width, height: out.height, depth: 8, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }, factor };
  } catch (e) {
    if ((e as Error).name === 'ImageDecodeError') throw e;
    throw new ImageDecodeError('corrupt', `cannot decode the image: ${(e as Error).message}`);
  }
}
