import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import exifr from 'exifr';
import type { BrandLock } from '@brandlock/core';
import { makeVariants } from './make-variants';
import { probeImage } from '../decode-image';
import { provenance, sampleLock, studioMaster, tempDir, removeTempDirs } from './test-support';

afterAll(removeTempDirs);

/** exifr returns XMP text without decoding XML entities; decode the five XML ones. */
const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

let lock: BrandLock;
let hash: string;
let master: string;

beforeAll(async () => {
  ({ lock, hash } = await sampleLock());
  master = join(await tempDir('master'), 'master.jpg');
  await studioMaster(master, 1500, 2250);
});

describe('makeVariants with the sample lock', () => {
  it('writes every channel at its exact size, format and sRGB profile, with its metadata, within maxBytes', async () => {
    const out = await tempDir('all');
    // Every channel allowed 4x, so each renders from this 1500x2250 master (the sample lock's own limits skip some).
    const roomy = lock.channels.map((c) => ({ ...c, maxUpscale: 4 }));
    const res = await makeVariants({ masterPath: master, lock, lockHash: hash, channels: roomy, sku: 'NF-1001', colorway: 'Ecru & "Sand"', view: 'front', provenance, outDir: out });
    expect(res.failures).toEqual([]);
    expect(res.entries.map((e) => e.channel).sort()).toEqual(lock.channels.map((c) => c.id).sort());
    expect(res.subject.source).toBe('background');
    for (const entry of res.entries) {
      const spec = lock.channels.find((c) => c.id === entry.channel)!;
      const bytes = await readFile(entry.path);
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height], entry.channel).toEqual([spec.width, spec.height]);
      expect(meta.format === 'heif' ? 'avif' : meta.format === 'jpeg' ? 'jpeg' : meta.format).toBe(spec.format);
      expect((await probeImage(bytes)).iccDescription, entry.channel).toMatch(/sRGB/);
      expect(meta.xmp?.toString('utf8'), entry.channel).toContain('trainedAlgorithmicMedia');
      const decoded = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
      expect(decoded.info.width * decoded.info.height).toBe(spec.width * spec.height);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entry.bytes).toBe(bytes.length);
      if (spec.maxBytes) expect(bytes.length, entry.channel).toBeLessThanOrEqual(spec.maxBytes);
      expect(entry.file).toMatch(/^northfold_nf-1001_ecru-sand_front_[a-z0-9-]+_\d+x\d+\.(jpg|png|webp|tif)$/);
    }
    expect((await readdir(out)).sort()).toEqual(res.entries.map((e) => e.file).sort());
  });

  it("skips the channels the master is too small for by the sample lock's limits, and writes the rest", async () => {
    const out = await tempDir('limits');
    const res = await makeVariants({ masterPath: master, lock, lockHash: hash, channels: lock.channels, sku: 'NF-1001', colorway: 'ecru', view: 'front', provenance, outDir: out });
    expect(res.failures).toEqual([]);
    // Zoom, marketplace and wholesale images are never enlarged: the padded packshots need 1.3-1.8x
    // here, the detail crop 2.7x.
    const tooSmall = ['marketplace', 'wholesale', 'zalando', 'zoom'];
    expect(res.skipped.map((k) => k.channel).sort()).toEqual(tooSmall);
    for (const k of res.skipped) expect(k.message).toMatch(/would need the master enlarged \d\.\d\dx; the lock allows at most 1x\. It needs a larger master\.$/);
    expect(res.entries.map((e) => e.channel).sort()).toEqual(lock.channels.map((c) => c.id).filter((id) => !tooSmall.includes(id)).sort());
    expect((await readdir(out)).length).toBe(res.entries.length);
  });

  it('embeds fields exifr reads back from JPEG, PNG and TIFF, IPTC included in JPEG', async () => {
    const out = await tempDir('exifr');
    const channels = lock.channels.filter((c) => ['ig-square', 'pinterest', 'wholesale'].includes(c.id)).map((c) => ({ ...c, width: 300, height: c.id === 'pinterest' ? 450 : 300 }));
    const res = await makeVariants({ masterPath: master, lock, lockHash: hash, channels, sku: 'NF-1001', colorway: 'Ecru & "Sand"', view: 'front', provenance, outDir: out });
    expect(res.entries).toHaveLength(3);
    for (const entry of res.entries) {
      const tags = await exifr.parse(await readFile(entry.path), { xmp: true, iptc: true, icc: true, mergeOutput: false });
      expect(tags.Iptc4xmpExt.DigitalSourceType, entry.file).toBe('http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia');
      expect(tags.Iptc4xmpExt.AISystemUsed).toBe('flux-pro-1.1');
      expect(tags.brandlock).toMatchObject({ lockHash: hash, jobId: 'job-7f3a', seed: 1234567, qcVerdict: 'pass', recipeHash: 'sha256:r3c1pe', provider: 'fal', brand: 'northfold', channel: entry.channel });
      expect(unxml(tags.dc.title.value)).toBe('Northfold Studio NF-1001 Ecru & "Sand" front');
      expect(tags.photoshop.Credit).toBe('Northfold Studio');
      expect(tags.icc.ProfileDescription).toContain('sRGB');
      if (entry.format === 'jpeg') {
        expect(tags.iptc).toMatchObject({ ObjectName: 'Northfold Studio NF-1001 Ecru & "Sand" front', Credit: 'Northfold Studio', OriginalTransmissionReference: 'job-7f3a' });
        expect(tags.iptc.Keywords).toEqual(['NF-1001', 'Ecru & "Sand"', 'front', 'ig-square']);
      }
    }
  });
});
