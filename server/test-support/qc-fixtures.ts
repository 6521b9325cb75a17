/**
 * Writes QC test batches to a temp folder: the sample lock with small recipe sizes (so synthetic
 * images stay small), and real image files made with sharp from the synthetic garment generator:
 * clean, defective, CMYK, 16-bit, truncated, not an image.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadBrandLock, parseColor, type BrandLock, type Lab, type Raster } from '@brandlock/core';
import { syntheticGarment, type SyntheticImage } from '../../core/test-fixtures/qc/synthetic-garment';

const root = new URL('../../', import.meta.url).pathname;

export const STUDIO_WARM: readonly [number, number, number] = [244, 241, 236];

/** A temp folder holding a copy of the sample lock whose categories' recipes are width x height. */
export function smallLockDir(width = 512, height = 768): { dir: string; lockPath: string; lock: BrandLock } {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-qc-'));
  cpSync(join(root, 'samples/luts'), join(dir, 'luts'), { recursive: true });
  const doc = JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8'));
  for (const c of doc.categories) c.recipe = { ...c.recipe, width, height };
  for (const m of doc.models) m.referenceImages = [];
  const lockPath = join(dir, 'brand-lock.json');
  writeFileSync(lockPath, JSON.stringify(doc));
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error(res.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return { dir, lockPath, lock: res.lock };
}

/** Lab of a colour string; throws on a typo in a test. */
export function labOf(color: string): Lab {
  const c = parseColor(color);
  if (!c.success) throw new Error(c.message);
  return c.lab;
}

/** A garment in a colour on the studio-warm backdrop. */
export function garmentIn(color: string | Lab, width = 512, height = 768): SyntheticImage {
  return syntheticGarment({ width, height, garment: typeof color === 'string' ? labOf(color) : color, background: STUDIO_WARM });
}

function input(r: Raster) {
  return sharp(Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength), { raw: { width: r.width, height: r.height, channels: 4 } });
}

export async function writeJpeg(path: string, r: Raster): Promise<void> {
  await input(r).removeAlpha().withIccProfile('srgb').jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toFile(path);
}

export async function writeCmykJpeg(path: string, r: Raster): Promise<void> {
  await input(r).removeAlpha().toColourspace('cmyk').jpeg({ quality: 95 }).toFile(path);
}

export async function write16BitPng(path: string, r: Raster): Promise<void> {
  const wide = new Uint16Array(r.width * r.height * 3);
  for (let i = 0, j = 0; i < r.data.length; i += 4) for (let c = 0; c < 3; c++) wide[j++] = r.data[i + c] * 257;
  await sharp(wide, { raw: { width: r.width, height: r.height, channels: 3 } }).toColourspace('rgb16').png().toFile(path);
}
