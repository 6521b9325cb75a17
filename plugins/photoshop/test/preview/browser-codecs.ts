// Image codecs for the fake Photoshop inside Chromium previews: the browser's own decoder and
// OffscreenCanvas encoder (8-bit only, which is all a preview needs).
import type { Raster } from '@brandlock/core/raster';
import type { FakeCodecs } from '../../src/fake-host/fake-photoshop';

export const browserCodecs: FakeCodecs = {
  async decodeImage(bytes) {
    const bitmap = await createImageBitmap(new Blob([bytes.slice()]));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    return { width: bitmap.width, height: bitmap.height, depth: 8, data: new Uint8Array(data.buffer) };
  },
  async encodeImage(raster: Raster, format) {
    const canvas = new OffscreenCanvas(raster.width, raster.height);
    const ctx = canvas.getContext('2d')!;
    const data = raster.depth === 8 ? new Uint8ClampedArray(raster.data) : Uint8ClampedArray.from(raster.data, (v) => v >> 8);
    ctx.putImageData(new ImageData(data, raster.width, raster.height), 0, 0);
    const type = format.format === 'png' ? 'image/png' : format.format === 'webp' ? 'image/webp' : 'image/jpeg';
    const blob = await canvas.convertToBlob({ type, quality: format.format === 'jpeg' || format.format === 'webp' ? format.quality / 100 : undefined });
    return new Uint8Array(await blob.arrayBuffer());
  },
};
