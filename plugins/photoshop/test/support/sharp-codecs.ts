// Image codecs for the fake Photoshop in Node tests: libvips (sharp) decodes and encodes, as it does
// on the server, so files the fake "opens" and "saves" are real image files.
import type { Raster } from '@brandlock/core/raster';
import sharp from 'sharp';
import type { FakeCodecs } from '../../src/fake-host/fake-photoshop';

export const sharpCodecs: FakeCodecs = {
  async decodeImage(bytes) {
    const img = sharp(bytes);
    const meta = await img.metadata();
    if (meta.depth === 'ushort') {
      const { data, info } = await img.ensureAlpha().toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, depth: 16, data: new Uint16Array(data.buffer, data.byteOffset, data.length / 2).slice() };
    }
    const { data, info } = await img.ensureAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, depth: 8, data: new Uint8Array(data) };
  },
  async encodeImage(raster: Raster, format, xmp, alphaChannels = []) {
    const data = raster.depth === 8 ? Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength) : Buffer.from(new Uint8Array(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength));
    let img = sharp(data, { raw: { width: raster.width, height: raster.height, channels: 4, ...(raster.depth === 16 ? { depth: 'ushort' as const } : {}) } });
    if (xmp) img = img.withXmp(xmp);
    switch (format.format) {
      case 'jpeg':
        return new Uint8Array(await img.flatten({ background: '#ffffff' }).jpeg({ quality: format.quality }).toBuffer());
      case 'png':
        return new Uint8Array(await img.png().toBuffer());
      case 'webp':
        return new Uint8Array(await img.webp({ quality: format.quality }).toBuffer());
      case 'tiff': {
        // Uncompressed, as saveTiffCopy asks Photoshop (sharp's default TIFF is JPEG-compressed: lossy,
        // and without room for an extra sample).
        // An opaque document (a flattened one) is written as colour alone, as Photoshop writes it.
        if (!alphaChannels.length) return new Uint8Array(await (opaque(raster) ? img.removeAlpha() : img).tiff({ compression: 'none' }).toBuffer());
        // Photoshop writes the colour, then each alpha channel as an extra sample (no transparency
        // of its own: a flattened document is opaque).
        const deep = raster.depth === 16;
        const raw = { width: raster.width, height: raster.height, channels: 1 as const, ...(deep ? { depth: 'ushort' as const } : {}) };
        const extra = alphaChannels.map((mask) => (deep ? Buffer.from(Uint16Array.from(mask, (v) => v * 257).buffer) : Buffer.from(mask)));
        const rgb = await img.removeAlpha().raw(deep ? { depth: 'ushort' } : {}).toBuffer({ resolveWithObject: true });
        let out = sharp(rgb.data, { raw: { width: rgb.info.width, height: rgb.info.height, channels: 3, ...(deep ? { depth: 'ushort' as const } : {}) } });
        if (xmp) out = out.withXmp(xmp);
        return new Uint8Array(await out.joinChannel(extra, { raw }).tiff({ compression: 'none' }).toBuffer());
      }
      case 'psd':
        throw new Error('The fake host cannot write PSD files; tests save JPEG, PNG or TIFF');
    }
  },
};

/** True when every pixel is fully opaque. */
function opaque(raster: Raster): boolean {
  const max = raster.depth === 8 ? 255 : 65535;
  for (let i = 3; i < raster.data.length; i += 4) if (raster.data[i] !== max) return false;
  return true;
}
