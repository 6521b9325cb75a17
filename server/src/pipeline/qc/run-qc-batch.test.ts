import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { QcReport, deltaE2000 } from '@brandlock/core';
import { runCli } from '../../cli/run-cli';
import { captureIo } from '../../../test-support/capture-io';
import { garmentIn, labOf, smallLockDir, write16BitPng, writeCmykJpeg, writeJpeg } from '../../../test-support/qc-fixtures';
import { offsetLab, withHalo } from '../../../../core/test-fixtures/qc/synthetic-garment';

const name = (sku: string, colorway: string, view = 'front') => `northfold_${sku}_${colorway}_${view}_master_512x768`;

describe('brandlock qc on a batch with good, defective and broken files', () => {
  const { dir, lockPath } = smallLockDir();
  const shots = join(dir, 'shots');
  let report: QcReport;
  let code: number;
  let stderr: string;

  beforeAll(async () => {
    mkdirSync(shots);
    const sage = garmentIn('#9caf88');
    await writeJpeg(join(shots, `${name('nf-jr-1', 'sage')}.jpg`), sage.raster);
    await writeJpeg(join(shots, `${name('nf-jr-1', 'sage', 'back')}.jpg`), garmentIn('#9caf88').raster);
    await writeJpeg(join(shots, `${name('nf-jr-2', 'sage')}.jpg`), garmentIn(offsetLab(labOf('#9caf88'), 4, deltaE2000)).raster);
    await writeJpeg(join(shots, `${name('nf-jr-3', 'sage')}.jpg`), withHalo(sage, 2, [250, 225, 200]));
    await writeCmykJpeg(join(shots, `${name('nf-jr-4', 'sage')}.jpg`), sage.raster);
    await write16BitPng(join(shots, `${name('nf-jr-5', 'sage')}.png`), sage.raster);
    const good = readFileSync(join(shots, `${name('nf-jr-1', 'sage')}.jpg`));
    writeFileSync(join(shots, `${name('nf-jr-6', 'sage')}.jpg`), good.subarray(0, good.length >> 1));
    writeFileSync(join(shots, `${name('nf-jr-7', 'sage')}.jpg`), 'this is not a picture');
    await writeJpeg(join(shots, 'IMG_0042.jpg'), sage.raster);
    await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#f4f1ec' } }).jpeg().toFile(join(shots, `${name('nf-jr-8', 'sage')}.jpg`));
    await writeJpeg(join(shots, `${name('nf-jr-9', 'sage')}.jpg`), sage.raster);
    writeFileSync(join(shots, `${name('nf-jr-9', 'sage')}.jpg.flags.json`), JSON.stringify([{ by: 'ana', reason: 'left cuff is fused to the hem' }]));
    const io = captureIo(dir);
    code = await runCli(['qc', 'shots', '--lock', lockPath, '--category', 'jersey', '--json', '--report', 'out', '--max-megapixels', '1.5'], io);
    stderr = io.stderr;
    report = QcReport.parse(JSON.parse(io.stdout));
  }, 120_000);

  const record = (sku: string, view = 'front') => report.images.find((r) => r.sku === sku && (r.view === view || r.verdict === 'error'))!;
  const fired = (sku: string) => record(sku).findings.filter((f) => f.severity === 'flag' || f.severity === 'reject').map((f) => `${f.rule}/${f.check}`);

  it('passes the clean images and says why each defective one fails', () => {
    expect(stderr).toBe('');
    expect(record('nf-jr-1').verdict).toBe('pass');
    expect(record('nf-jr-1', 'back').verdict).toBe('pass');
    expect(fired('nf-jr-2')).toEqual(['color/delta-e']);
    expect(record('nf-jr-2').verdict).toBe('reject');
    expect(fired('nf-jr-3')).toContain('halo/edge-ring');
  });

  it('rejects CMYK and 16-bit files on their technical findings, and still measures them', () => {
    const cmyk = record('nf-jr-4');
    expect(cmyk.verdict).toBe('reject');
    expect(fired('nf-jr-4')).toContain('technical/color-profile');
    expect(cmyk.findings.find((f) => f.check === 'delta-e')?.measured as number).toBeLessThan(3);
    expect(fired('nf-jr-5')).toEqual(['technical/bit-depth']);
  });

  it('turns broken files, bombs and unmatched names into error rows and goes on', () => {
    expect(record('nf-jr-6').error?.code).toBe('corrupt');
    expect(record('nf-jr-7').error?.code).toBe('unsupported_format');
    expect(record('nf-jr-8').error?.code).toBe('too_many_pixels');
    const unmatched = report.images.find((r) => r.file.endsWith('IMG_0042.jpg'))!;
    expect(unmatched.verdict).toBe('error');
    expect(unmatched.error?.message).toMatch(/naming template/);
    expect(report.summary.error).toBe(4);
    expect(code).toBe(1);
  });

  it('carries a reviewer flag from the sidecar into the verdict', () => {
    const flagged = record('nf-jr-9');
    expect(flagged.verdict).toBe('flag');
    expect(flagged.findings.find((f) => f.rule === 'human-review')?.message).toMatch(/cuff is fused/);
  });

  it('checks colour drift between images of one SKU', () => {
    const drift = record('nf-jr-1').findings.find((f) => f.check === 'color-drift');
    expect(drift?.severity).toBe('pass');
    expect(drift?.measured as number).toBeLessThan(0.5);
  });

  it('writes the HTML and JSON report', () => {
    const html = readFileSync(join(dir, 'out', 'qc-report.html'), 'utf8');
    expect(html).toContain('<article class="card v-reject"');
    expect(html).toContain('data:image/jpeg;base64,');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(QcReport.parse(JSON.parse(readFileSync(join(dir, 'out', 'qc-report.json'), 'utf8'))).images).toHaveLength(report.images.length);
  });
});
