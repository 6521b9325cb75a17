// Encodes rasters and decodes them with libvips (sharp): the pixels must come back exactly.
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { encodePng } from './encode-png';

it('round-trips an 8-bit RGBA raster through a real PNG decoder', async () => {
  const width = 37;
  const height = 11;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 7)) & 255;
  const png = encodePng({ width, height, depth: 8, data });
  const { data: back, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info).toMatchObject({ width, height, channels: 4 });
  expect(Buffer.compare(back, Buffer.from(data))).toBe(0);
});

it('round-trips 16-bit samples exactly', async () => {
  const width = 5;
  const height = 3;
  const data = new Uint16Array(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = (i * 4099 + 7) & 65535;
  const png = encodePng({ width, height, depth: 16, data });
  const meta = await sharp(png).metadata();
  expect(meta.depth).toBe('ushort');
  const { data: back } = await sharp(png).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  expect(Array.from(new Uint16Array(back.buffer, back.byteOffset, back.length / 2))).toEqual(Array.from(data));
});
