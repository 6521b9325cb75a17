// The QC report of a real photo shows what the swatch was read on: the regions left out of the
// fabric (the polo's navy sleeves and collar, its white sleeve and badge), the point the swatch was
// read at, and the measured swatch beside the target.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QcReport } from '@brandlock/core';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../../test-support/capture-io';

const root = new URL('../../../', import.meta.url).pathname;

describe('the QC report shows the fabric measure', () => {
  it('draws the left-out regions and the swatch point, and lists them in the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brandlock-fabric-report-'));
    const io = captureIo(root);
    await runCli(['qc', join(root, 'samples/photos/packshot/solidus-polo-red-navy-white-bg.jpg'), '--lock', join(root, 'samples/brand-lock.json'), '--brief', join(root, 'samples/brief.csv'), '--report', dir], io);
    const report = QcReport.parse(JSON.parse(readFileSync(join(dir, 'qc-report.json'), 'utf8')));
    const swatch = report.images[0].metrics?.swatch;
    expect(swatch?.hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(swatch!.fabricShare).toBeGreaterThan(0.6);
    const navy = swatch!.excluded.filter((r) => r.lab.l < 40 && r.lab.b < -10);
    expect(navy.reduce((s, r) => s + r.share, 0)).toBeGreaterThan(0.06);
    const { x, y } = swatch!.point;
    expect(x > 300 && x < 900 && y > 400 && y < 1100).toBe(true);
    const html = readFileSync(join(dir, 'qc-report.html'), 'utf8');
    expect(html).toMatch(/<path class="excluded" transform="scale\([\d.]+ [\d.]+\)" d="M/);
    expect(html).toContain(`<circle cx="${x}" cy="${y}"`);
    expect(html).toContain(`class="swatch measured" title="measured ${swatch!.hex}`);
    expect(html).toContain('id="f-fabric"');
  }, 120_000);
});
