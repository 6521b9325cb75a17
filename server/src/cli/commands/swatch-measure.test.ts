// `brandlock swatch measure` on a real photo, pinning its swatch in a lock, `lock check` verifying the
// pin, and QC reading the same photo against the pinned swatch as ΔE00 0 (one measure, both sides).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QcReport } from '@brandlock/core';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';
import { smallLockDir } from '../../../test-support/qc-fixtures';

const root = new URL('../../../../', import.meta.url).pathname;
const polo = join(root, 'samples/photos/packshot/solidus-polo-red-navy-white-bg.jpg');

async function cli(dir: string, ...argv: string[]) {
  const io = captureIo(dir);
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

describe('brandlock swatch measure', () => {
  const { dir, lockPath } = smallLockDir(1200, 1200);
  let measured: { swatch: { lab: { l: number; a: number; b: number }; hex: string; point: { x: number; y: number } }; excluded: { share: number; lab: { l: number } }[]; nearest: { swatch: string }; pin: { color: string; measured: { image: string; sha256: string; measure: string } } };

  beforeAll(async () => {
    mkdirSync(join(dir, 'approved'));
    copyFileSync(polo, join(dir, 'approved', 'polo.jpg'));
    const res = await cli(dir, 'swatch', 'measure', 'approved/polo.jpg', '--lock', lockPath, '--json');
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    measured = JSON.parse(res.out);
  }, 60_000);

  it('prints the red body as the swatch, with the navy sleeves, collar and white badge left out', () => {
    expect(measured.swatch.lab.a).toBeGreaterThan(60);
    expect(measured.swatch.hex).toMatch(/^#[0-9a-f]{6}$/);
    const navy = measured.excluded.filter((r) => r.lab.l < 40);
    const white = measured.excluded.filter((r) => r.lab.l > 85);
    expect(navy.reduce((s, r) => s + r.share, 0)).toBeGreaterThan(0.06);
    expect(white.length).toBeGreaterThan(0);
    expect(measured.nearest.swatch).toBe('poppy');
    expect(measured.pin).toMatchObject({ measured: { image: 'approved/polo.jpg', measure: 'brandlock-swatch/1' } });
  });

  it('says in words where to sample and what was left out', async () => {
    const res = await cli(dir, 'swatch', 'measure', 'approved/polo.jpg', '--lock', lockPath);
    expect(res.out).toMatch(/swatch {4}lab\(\d+\.\d\d \d+\.\d\d \d+\.\d\d\) {2}#[0-9a-f]{6}/);
    expect(res.out).toMatch(/sample {4}x \d+, y \d+/);
    expect(res.out).toMatch(/left out {2}\d+\.\d% lab\(/);
    expect(res.out).toMatch(/nearest {3}poppy \(Poppy\) .*ΔE00 \d+\.\d\d/);
    expect(res.out).toMatch(/pin it {4}in the palette swatch: "color": "lab\(/);
  });

  it('pins the swatch in the palette; lock check measures the photo again and catches a changed colour or photo', async () => {
    const doc = JSON.parse(readFileSync(lockPath, 'utf8'));
    doc.palette.swatches.push({ id: 'polo-red', name: 'Polo red (approved sample)', ...measured.pin });
    writeFileSync(lockPath, JSON.stringify(doc));
    let res = await cli(dir, 'lock', 'check', lockPath);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/pinned {4}polo-red: measured again/);

    const drifted = structuredClone(doc);
    drifted.palette.swatches.at(-1).color = `lab(${(measured.swatch.lab.l + 1.5).toFixed(2)} ${measured.swatch.lab.a} ${measured.swatch.lab.b})`;
    writeFileSync(join(dir, 'drifted.json'), JSON.stringify(drifted));
    res = await cli(dir, 'lock', 'check', join(dir, 'drifted.json'));
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/palette\.swatches\[\d+\]\.color: the pinned photo measures lab\(.*ΔE00 1\.\d\d from "color"/);

    copyFileSync(join(root, 'samples/photos/flatlay/solidus-tee-blue-white-bg.jpg'), join(dir, 'approved', 'polo.jpg'));
    res = await cli(dir, 'lock', 'check', lockPath);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/palette\.swatches\[\d+\]\.measured\.sha256: approved\/polo\.jpg is not the photo the swatch was measured from/);
    copyFileSync(polo, join(dir, 'approved', 'polo.jpg'));
  }, 60_000);

  it('QC reads the approved photo against its pinned swatch as ΔE00 0.00 and passes its colour', async () => {
    writeFileSync(join(dir, 'brief.csv'), 'sku,colorway,category,fabric,silhouette,swatch,source_images\nNF-POLO,Poppy,jersey,cotton pique,polo,polo-red,approved/polo.jpg\n');
    const res = await cli(dir, 'qc', 'approved/polo.jpg', '--lock', lockPath, '--brief', 'brief.csv', '--json');
    const report = QcReport.parse(JSON.parse(res.out));
    const de = report.images[0].findings.find((f) => f.check === 'delta-e')!;
    expect(de.measured).toBe(0);
    expect(de.severity).toBe('pass');
  }, 60_000);

  it('names the file when it is not a photo or has no garment', async () => {
    writeFileSync(join(dir, 'notes.jpg'), 'not a picture');
    let res = await cli(dir, 'swatch', 'measure', 'notes.jpg');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/notes\.jpg: not an image format/);
    res = await cli(dir, 'swatch', 'measure', 'missing.jpg');
    expect(res.err).toMatch(/missing\.jpg: no such file/);
  });
});
