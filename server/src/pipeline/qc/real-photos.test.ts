// QC verdicts on real product photos from samples/photos, through the CLI as a user runs it.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QcReport } from '@brandlock/core';
import { runCli } from '../../cli/run-cli';
import { captureIo } from '../../../test-support/capture-io';

const root = new URL('../../../../', import.meta.url).pathname;
const photos = join(root, 'samples/photos');

async function qc(...argv: string[]): Promise<QcReport> {
  const io = captureIo(root);
  await runCli(['qc', ...argv, '--lock', join(root, 'samples/brand-lock.json'), '--json'], io);
  return QcReport.parse(JSON.parse(io.stdout));
}

describe('QC of real photos', () => {
  let sample: QcReport;
  beforeAll(async () => {
    sample = await qc(join(photos, 'flatlay/cd-skirt-wood-floor-warm-cast.jpg'), join(photos, 'flatlay/cd-tshirt-print-patterned-sheet.jpg'), '--brief', join(root, 'samples/brief.csv'));
  }, 60_000);

  it('passes a clean white-background packshot whose swatch is right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brandlock-real-'));
    mkdirSync(join(dir, 'shots'));
    copyFileSync(join(photos, 'packshot/solidus-zip-hoodie-grey-white-bg.jpg'), join(dir, 'shots', 'northfold_DEMO-02_grey-marl_front_master_1200x1200.jpg'));
    writeFileSync(join(dir, 'brief.csv'), 'sku,colorway,category,fabric,silhouette,swatch\nDEMO-02,Grey marl,basics-packshot,cotton fleece,zip hoodie,lab(72.5 0 0)\n');
    const report = await qc(join(dir, 'shots'), '--brief', join(dir, 'brief.csv'));
    const [hoodie] = report.images;
    expect(hoodie.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject')).toEqual([]);
    expect(hoodie.verdict).toBe('pass');
    expect(hoodie.findings.find((f) => f.check === 'pure-white')?.measured as number).toBeLessThan(0.5);
    expect(hoodie.metrics?.coverage).toBeGreaterThan(0.35);
  }, 60_000);

  it('rejects the amateur skirt photo on a wood floor for its cast and busy background', () => {
    const skirt = sample.images.find((r) => r.file.endsWith('cd-skirt-wood-floor-warm-cast.jpg'))!;
    expect(skirt.verdict).toBe('reject');
    const cast = skirt.findings.find((f) => f.rule === 'white-balance')!;
    expect(cast.severity).toBe('reject');
    expect(cast.message).toMatch(/warm/);
    expect(skirt.findings.find((f) => f.check === 'uniformity')?.severity).toBe('reject');
    expect(skirt.findings.find((f) => f.check === 'resolution')?.severity).toBe('reject');
  });

  it('makes a photo no brief row lists an error row', () => {
    const print = sample.images.find((r) => r.file.endsWith('cd-tshirt-print-patterned-sheet.jpg'))!;
    expect(print.verdict).toBe('error');
    expect(print.error?.code).toBe('no_match');
  });
});
