/**
 * Image bytes in and out of a canvas, in the UI iframe (the only place with a decoder): decode any
 * format the browser knows into straight RGBA, and encode a canvas to PNG, JPEG or WebP bytes.
 */

export interface DecodedImage {
  width: number;
  height: number;
  /** Straight RGBA, 8-bit. */
  data: Uint8ClampedArray;
}

export async function decodeImageBytes(bytes: Uint8Array, maxSide = Infinity): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), { colorSpaceConversion: 'default', premultiplyAlpha: 'none' });
  } catch {
    throw new Error('The image could not be decoded (unsupported or damaged file)');
  }
  const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

export type CanvasFormat = 'png' | 'jpeg' | 'webp' | 'avif';

/** Encodes RGBA pixels; throws when this browser cannot write the format (it falls back to PNG silently otherwise). */
export async function encodePixels(img: DecodedImage, format: CanvasFormat, quality = 92, background: string | null = null): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d')!;
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, img.width, img.height);
    const layer = new OffscreenCanvas(img.width, img.height);
    layer.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
    ctx.drawImage(layer, 0, 0);
  } else {
    ctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  }
  const type = `image/${format}`;
  const blob = await canvas.convertToBlob({ type, quality: Math.min(1, Math.max(0, quality / 100)) });
  if (blob.type !== type) throw new Error(`This browser cannot encode ${format.toUpperCase()}`);
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * Makes image bytes Figma accepts (PNG, JPEG or GIF, at most 4096 px a side): passes them through
 * when they already are, otherwise decodes and re-encodes (PNG keeps transparency, else JPEG 92).
 */
export async function toFigmaImage(bytes: Uint8Array): Promise<{ bytes: Uint8Array; width: number; height: number; converted: boolean }> {
  const kind = sniffKind(bytes);
  const img = await decodeImageBytes(bytes, 4096);
  const sized = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>])).then((b) => {
    const s = { width: b.width, height: b.height };
    b.close();
    return s;
  });
  if ((kind === 'png' || kind === 'jpeg' || kind === 'gif') && sized.width <= 4096 && sized.height <= 4096) {
    return { bytes, width: sized.width, height: sized.height, converted: false };
  }
  let opaque = true;
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i] < 255) { opaque = false; break; }
  return { bytes: await encodePixels(img, opaque ? 'jpeg' : 'png', 92), width: img.width, height: img.height, converted: true };
}

function sniffKind(b: Uint8Array): string {
  if (b[0] === 0x89 && b[1] === 0x50) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
  return 'other';
}
