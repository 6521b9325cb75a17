/** Shared set-up for the variants tests: the sample lock, temp folders, masters made with sharp. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { loadBrandLock, VariantProvenance, type BrandLock, type ChannelSpec } from '@brandlock/core';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export async function sampleLock(): Promise<{ lock: BrandLock; hash: string }> {
  const res = loadBrandLock(JSON.parse(await readFile(join(REPO, 'samples/brand-lock.json'), 'utf8')));
  if (!res.success) throw new Error('the sample lock does not load');
  return { lock: res.lock, hash: res.hash };
}

const made: string[] = [];

/** A fresh folder under the system temp folder; `removeTempDirs` (in afterAll) deletes them. */
export async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `brandlock-${label}-`));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

export const provenance = VariantProvenance.parse({ jobId: 'job-7f3a', provider: 'fal', model: 'flux-pro-1.1', seed: 1234567, recipeHash: 'sha256:r3c1pe', qc: 'pass' });

/** A small copy of a channel (same format, fit and focal), so tests encode quickly. */
export function small(spec: ChannelSpec, width = 240, height = Math.round((width * spec.height) / spec.width)): ChannelSpec {
  return { ...spec, width, height, safeArea: { top: 0, right: 0, bottom: 0, left: 0 }, maxBytes: undefined };
}

/** A portrait studio master: a dark garment-like shape on warm white, with a little noise. */
export async function studioMaster(path: string, width = 1200, height = 1800): Promise<void> {
  const garment = await sharp({ create: { width: Math.round(width * 0.5), height: Math.round(height * 0.6), channels: 3, background: '#2d3a5a' } }).png().toBuffer();
  await sharp({ create: { width, height, channels: 3, background: '#f6f4f0' } })
    .composite([{ input: garment, left: Math.round(width * 0.25), top: Math.round(height * 0.2) }])
    .jpeg({ quality: 92 })
    .toFile(path);
}
