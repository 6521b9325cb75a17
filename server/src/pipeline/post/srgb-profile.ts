/**
 * libvips' own sRGB ICC profile, as bytes to embed in masters written from raw pixels (sharp can only
 * attach a named profile inside a pipeline, so it is read once from a tiny image that has it).
 */
import sharp from 'sharp';

let profile: Promise<Uint8Array> | null = null;

/** @example encodeImage(raster, { format: 'png', icc: await srgbProfile() }) */
export function srgbProfile(): Promise<Uint8Array> {
  profile ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
    .withIccProfile('srgb')
    .png()
    .toBuffer()
    .then((png) => sharp(png).metadata())
    .then((meta) => {
      if (!meta.icc) throw new Error('libvips did not embed its sRGB profile');
      return new Uint8Array(meta.icc);
    });
  return profile;
}
