// The sRGB profile core carries for files written without libvips (the Figma plugin offline) is the
// one libvips embeds, and a profile is added to a JPEG or WebP only where the encoder wrote none.
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { concatBytes } from '@brandlock/core';
import { embedJpegMetadata, hasIccProfile, srgbIccProfile } from '@brandlock/core/file-metadata';

const image = () => sharp({ create: { width: 16, height: 12, channels: 3, background: '#c0603f' } });

it("is byte for byte the profile libvips embeds for withIccProfile('srgb')", async () => {
  const png = await image().withIccProfile('srgb').png().toBuffer();
  const { icc } = await sharp(png).metadata();
  expect(Buffer.from(srgbIccProfile()).equals(icc!)).toBe(true);
});

it('tells a JPEG or WebP with a profile from one without', async () => {
  for (const format of ['jpeg', 'webp'] as const) {
    expect(hasIccProfile(new Uint8Array(await image().toFormat(format).toBuffer()), format), `${format} without`).toBe(false);
    expect(hasIccProfile(new Uint8Array(await image().withIccProfile('srgb').toFormat(format).toBuffer()), format), `${format} with`).toBe(true);
  }
  const bare = new Uint8Array(await image().jpeg().toBuffer());
  const tagged = concatBytes(embedJpegMetadata(bare, { icc: srgbIccProfile() }).parts);
  expect(hasIccProfile(tagged, 'jpeg')).toBe(true);
  expect(Buffer.from((await sharp(tagged).metadata()).icc!).equals(Buffer.from(srgbIccProfile()))).toBe(true);
});
