// A real JPEG's edges are not a halo. JPEG stores colour at half resolution (4:2:0), so beside a
// saturated garment on white the white picks up a tint 2 to 3 px wide at the lightness of the white
// (a real photo: samples/photos/flatlay/solidus-tee-blue-white-bg.jpg, a cobalt tee on white). At
// 1024 px QC read that tint as a halo ring of 6.1 ΔE00 and flagged the unmodified photo.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { QcReport } from '@brandlock/core';
import { runCli } from '../../cli/run-cli';
import { captureIo } from '../../../test-support/capture-io';

const root = new URL('../../../../', import.meta.url).pathname;
const tee = join(root, 'samples/photos/flatlay/solidus-tee-blue-white-bg.jpg');

describe('the halo check on a real JPEG of a saturated garment on white', () => {
  it('passes the unmodified photo at its own size and resized to 1024 px', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brandlock-chroma-'));
    mkdirSync(join(dir, 'shots'));
    await sharp(tee).toFile(join(dir, 'shots', 'northfold_DEMO-07_cobalt_front_master_1200x1200.jpg'));
    await sharp(tee).resize(1024, 1024, { kernel: 'lanczos3' }).jpeg({ quality: 92 }).toFile(join(dir, 'shots', 'northfold_DEMO-08_cobalt_front_master_1024x1024.jpg'));
    const row = (sku: string) => `${sku},Cobalt,basics-packshot,cotton jersey,tee,lab(45 20 -70)`;
    writeFileSync(join(dir, 'brief.csv'), ['sku,colorway,category,fabric,silhouette,swatch', row('DEMO-07'), row('DEMO-08')].join('\n') + '\n');
    const io = captureIo(root);
    await runCli(['qc', join(dir, 'shots'), '--brief', join(dir, 'brief.csv'), '--lock', join(root, 'samples/brand-lock.json'), '--json'], io);
    const report = QcReport.parse(JSON.parse(io.stdout));
    expect(report.images).toHaveLength(2);
    for (const image of report.images) {
      const halo = image.findings.find((f) => f.rule === 'halo');
      expect(halo, image.file).toBeDefined();
      expect({ file: image.file, severity: halo!.severity }).toEqual({ file: image.file, severity: 'pass' });
      expect(halo!.measured as number).toBeLessThan(3);
    }
  }, 120_000);
});
