/**
 * A known light, rendered: a grey dome (a garment-sized ellipse with a rounded surface) on a flat
 * backdrop, lit by a key from a given direction and a fill from the opposite side at a given
 * key/fill ratio (Lambertian, in linear light), written as an 8-bit sRGB PNG. Ground truth for the
 * lighting calibration: the measures must recover what was set here.
 */
import sharp from 'sharp';
import { keyVector } from '../src/pipeline/studies/key-direction';

const norm = ([x, y, z]: number[]) => {
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
};
const toSrgb8 = (v: number) => Math.round(255 * Math.min(1, Math.max(0, v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055)));

export async function renderLitDome(o: { direction: Parameters<typeof keyVector>[0]; ratio: number; albedo?: number; backdrop?: [number, number, number]; width?: number; height?: number }): Promise<Uint8Array> {
  const w = o.width ?? 600;
  const h = o.height ?? 750;
  const key = keyVector(o.direction);
  const fill = norm([-key[0] * 0.6, 0, 1]);
  const albedo = o.albedo ?? 0.35;
  const bg = o.backdrop ?? [0.82, 0.83, 0.84];
  const rx = w * 0.3;
  const ry = h * 0.32;
  const data = new Uint8Array(w * h * 3);
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const nx = (px + 0.5 - w / 2) / rx;
      const ny = (h * 0.48 - (py + 0.5)) / ry;
      const d2 = nx * nx + ny * ny;
      const i = (py * w + px) * 3;
      if (d2 >= 1) {
        for (let c = 0; c < 3; c++) data[i + c] = toSrgb8(bg[c]);
        continue;
      }
      const n = [nx, ny, Math.sqrt(1 - d2)];
      const k = Math.max(0, n[0] * key[0] + n[1] * key[1] + n[2] * key[2]);
      const f = Math.max(0, n[0] * fill[0] + n[1] * fill[1] + n[2] * fill[2]) / o.ratio;
      const v = toSrgb8(albedo * (k + f) * 1.6);
      data[i] = data[i + 1] = data[i + 2] = v;
    }
  }
  return new Uint8Array(await sharp(data, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer());
}
