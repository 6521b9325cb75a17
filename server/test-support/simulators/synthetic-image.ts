/**
 * Real image bytes for the simulators: a PNG whose colour is derived from the request's prompt, seed
 * and output index, with the seed written into the first pixels. A test that decodes a downloaded
 * result can tell exactly which request (and which of its outputs) produced it.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface SimulatedImageSpec {
  prompt: string;
  seed: number;
  index: number;
  width: number;
  height: number;
  /** The longest side rendered; the requested aspect ratio is kept. Default 64, to keep tests fast. */
  maxSide?: number;
}

/** The colour every pixel (but the first row's seed stripe) of a simulated result has. */
export function expectedColour(prompt: string, seed: number, index: number): [number, number, number] {
  const h = createHash('sha256').update(`${prompt}\n${seed}\n${index}`).digest();
  return [h[0], h[1], h[2]];
}

export async function renderSimulatedImage(spec: SimulatedImageSpec): Promise<Uint8Array> {
  const maxSide = spec.maxSide ?? 64;
  const scale = Math.min(1, maxSide / Math.max(spec.width, spec.height));
  const width = Math.max(4, Math.round(spec.width * scale));
  const height = Math.max(2, Math.round(spec.height * scale));
  const [r, g, b] = expectedColour(spec.prompt, spec.seed, spec.index);
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([r, g, b], i * 3);
  const seedBytes = [spec.seed >>> 24, (spec.seed >>> 16) & 255, (spec.seed >>> 8) & 255, spec.seed & 255];
  seedBytes.forEach((byte, i) => pixels.set([byte, byte, byte], i * 3));
  return new Uint8Array(await sharp(pixels, { raw: { width, height, channels: 3 } }).png().toBuffer());
}

/** Reads back what renderSimulatedImage wrote: the body colour and the seed. */
export async function readSimulatedImage(bytes: Uint8Array): Promise<{ colour: [number, number, number]; seed: number; width: number; height: number }> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (i: number) => data[i * info.channels];
  const last = (info.width * info.height - 1) * info.channels;
  return {
    colour: [data[last], data[last + 1], data[last + 2]],
    seed: ((at(0) << 24) | (at(1) << 16) | (at(2) << 8) | at(3)) >>> 0,
    width: info.width,
    height: info.height,
  };
}
