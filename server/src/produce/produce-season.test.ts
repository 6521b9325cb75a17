// `brandlock produce` as a production lead runs it: a small season end to end on the embedded
// defaults, bad rows reported while the rest is delivered, and a run killed with SIGKILL (or stopped
// with Ctrl-C) that continues when started again, with nothing delivered twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../../test-support/capture-io';
import { buildServerBundle } from '../../test-support/server/spawn-server';

const root = new URL('../../../', import.meta.url).pathname;
const samples = join(root, 'samples');
const HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,notes';
/** Three SKUs that pass, get flagged for human review, and get rejected; one view each, three channels. */
const ROWS = [
  'NF-JR-3005,Heather grey,jersey,brushed cotton fleece,300 gsm,zip-through hoodie,heather,photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg,pdp-4x5;ig-square;marketplace,,front,mei,',
  'NF-KN-5001,Jet black,knitwear,extra-fine merino rib,12 gauge,ribbed beanie,lab(16.8 0.5 3),photos/packshot/solidus-beanie-black-cutout.png,pdp-4x5;ig-square,,front,ava,',
  'NF-WV-1003,Sky,wovens,cotton oxford,135 gsm,boxy camp-collar shirt,sky,photos/flatlay/solidus-tee-blue-white-bg.jpg,pdp-4x5;ig-square,,front,kofi,wrong colourway',
];

function season(rows: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-produce-'));
  cpSync(join(samples, 'photos'), join(dir, 'photos'), { recursive: true });
  cpSync(join(samples, 'luts'), join(dir, 'luts'), { recursive: true });
  cpSync(join(samples, 'brand-lock.json'), join(dir, 'brand-lock.json'));
  cpSync(join(samples, 'northfold.approvals.jsonl'), join(dir, 'northfold.approvals.jsonl'));
  writeFileSync(join(dir, 'brief.csv'), [HEADER, ...rows].join('\n') + '\n');
  return dir;
}

async function produce(dir: string, ...extra: string[]) {
  return produceWith(dir, {}, ...extra);
}

async function produceWith(dir: string, env: Record<string, string>, ...extra: string[]) {
  const io = captureIo(dir, { ...process.env, BRANDLOCK_POLL_MIN_MS: '100', ...env });
  const code = await runCli(['produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery', ...extra], io);
  return { code, out: io.stdout, err: io.stderr };
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'delivery', 'manifest.json'), 'utf8'));

describe('brandlock produce', { timeout: 300_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('produces a season: channel files for the pass, flagged/ and rejected/ with reasons, manifest, audit and report', async () => {
    const dir = season(ROWS);
    dirs.push(dir);
    const res = await produce(dir);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain('3 SKUs planned, 3 of 3 masters made');
    const manifest = manifestOf(dir);
    expect(manifest).toMatchObject({ complete: true, counts: { variants: 3, flagged: 1, rejected: 1 } });
    for (const f of manifest.files) {
      const path = join(dir, 'delivery', f.path);
      expect(sha(path), f.path).toBe(f.sha256);
      if (f.kind !== 'variant') continue;
      const meta = await sharp(path).metadata();
      expect([meta.width, meta.height]).toEqual([f.width, f.height]);
    }
    const variants = manifest.files.filter((f: { kind: string }) => f.kind === 'variant').map((f: { path: string }) => f.path).sort();
    expect(variants).toEqual([
      'ig-square/northfold_nf-jr-3005_heather-grey_front_ig-square_1080x1080.jpg',
      'marketplace/northfold_nf-jr-3005_heather-grey_front_marketplace_2000x2000.jpg',
      'pdp-4x5/northfold_nf-jr-3005_heather-grey_front_pdp-4x5_1600x2000.jpg',
    ]);
    const flagged = JSON.parse(readFileSync(join(dir, 'delivery', 'flagged', 'nf-kn-5001_jet-black_front_master.json'), 'utf8'));
    expect(flagged.findings.map((f: { rule: string }) => f.rule)).toContain('human-review');
    const rejected = JSON.parse(readFileSync(join(dir, 'delivery', 'rejected', 'nf-wv-1003_sky_front_master.json'), 'utf8'));
    expect(rejected.findings.find((f: { check: string }) => f.check === 'delta-e')).toMatchObject({ severity: 'reject' });
    expect(rejected.whatToDo).toMatch(/regenerate/);

    const csv = readFileSync(join(dir, 'delivery', 'manifest.csv'), 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(manifest.files.length + 1);
    // The 1200 px master is enlarged for the 2000 px channels: within the hero's 2x for the PDP, past
    // the marketplace's 1x (a marketplace image is seen at 100%). The manifest, its CSV and the
    // summary say so, and count only the one past its limit.
    const channelFile = (id: string) => manifest.files.find((f: { channel: string }) => f.channel === id);
    expect(channelFile('marketplace')).toMatchObject({ upscale: expect.any(Number), maxUpscale: 1 });
    expect(channelFile('marketplace').upscale).toBeGreaterThan(1.5);
    expect(channelFile('pdp-4x5')).toMatchObject({ maxUpscale: 2 });
    expect(channelFile('pdp-4x5').upscale).toBeGreaterThan(1);
    expect(channelFile('ig-square')).toMatchObject({ maxUpscale: 1.25 });
    expect(channelFile('ig-square').upscale).toBeLessThanOrEqual(1.25);
    expect(manifest.counts.enlargedPastLimit).toBe(1);
    expect(csv[0].endsWith(',upscale,maxUpscale')).toBe(true);
    expect(csv.find((row) => row.startsWith('marketplace/'))!.endsWith(`,${channelFile('marketplace').upscale},1`)).toBe(true);
    expect(res.out).toContain("enlarged    1 channel file past the lock's maxUpscale (marketplace 1)");
    const audit = readFileSync(join(dir, 'delivery', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit).toHaveLength(3);
    const hoodie = audit.find((r: { sku: string }) => r.sku === 'NF-JR-3005');
    expect(hoodie).toMatchObject({ provider: 'local', lightingPreset: 'studio-warm', qc: { verdict: 'pass' } });
    expect(hoodie.post.steps[0]).toMatchObject({ step: 'lut', applied: true });
    expect(hoodie.delivered).toHaveLength(3);
    const report = readFileSync(join(dir, 'delivery', 'report.html'), 'utf8');
    expect(report).toContain('Season report');
    expect(report).toContain('NF-WV-1003');
    expect(report).not.toMatch(/src="http/);
  });

  it('delivers the good rows of a brief with bad ones, names each bad row, and exits 1', async () => {
    const dir = season([ROWS[0], 'NF-XX-0002,Poppy,shirt,cotton,120 gsm,shirt,poppy,,,,front,,', 'NF-XX-0003,Ink,jersey,cotton jersey,180 gsm,tee,ink,photos/missing.jpg,pdp-4x5,,front,,']);
    dirs.push(dir);
    const res = await produce(dir);
    expect(res.code).toBe(1);
    expect(res.out).toContain('row 3 (NF-XX-0002), category: no category "shirt" in the lock');
    expect(res.out).toContain('source image photos/missing.jpg: file not found next to the brief');
    expect(manifestOf(dir).counts.variants).toBe(3);
  });

  it('never delivers two SKUs under one file name: later SKUs that would are refused by row before anything is made, and the run exits 1', async () => {
    // All four became nf-u-1_poppy_front_...: four masters made, two delivered, "problems none", exit 0.
    const hoodie = (sku: string) => `${sku},Heather grey,jersey,brushed cotton fleece,300 gsm,zip-through hoodie,heather,photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg,ig-square,,front,mei,`;
    const dir = season(['NF-U-1', 'NF-Ü-1', 'nf-u-1', 'NF U 1'].map(hoodie));
    dirs.push(dir);
    const res = await produce(dir);
    expect(res.code, res.err).toBe(1);
    expect(res.out).toContain('1 SKUs planned, 1 of 1 masters made');
    expect(res.out).toContain('problems    3:');
    for (const [row, sku] of [[3, 'NF-Ü-1'], [4, 'nf-u-1'], [5, 'NF U 1']]) {
      expect(res.out).toContain(`row ${row} (${sku}), sku: SKU ${JSON.stringify(sku)} (Heather grey, front) would be delivered as`);
    }
    expect(res.out).toMatch(/the file of SKU "NF-U-1" \(Heather grey, front\) on row 2/);
    const manifest = manifestOf(dir);
    expect(new Set(manifest.files.map((f: { sku: string }) => f.sku))).toEqual(new Set(['NF-U-1']));
    const audit = readFileSync(join(dir, 'delivery', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.map((r: { sku: string; delivered: unknown[] }) => [r.sku, r.delivered.length > 0])).toEqual([['NF-U-1', true]]);
  }, 180_000);

  it('puts a season on a server that takes one job at a time: smaller chunks, waiting as Retry-After says, everything delivered', async () => {
    const dir = season([ROWS[0], ROWS[0].replace('NF-JR-3005', 'NF-JR-3006')]);
    dirs.push(dir);
    const res = await produceWith(dir, { BRANDLOCK_MAX_OPEN_JOBS: '1' });
    expect(res.code, `${res.out}\n${res.err}`).toBe(0);
    expect(res.out).toContain('2 SKUs planned, 2 of 2 masters made');
    expect(manifestOf(dir).counts.variants).toBe(6);
    // The second SKU waited for the first: the progress line said why.
    expect(res.err).toMatch(/server busy, next SKUs in \d+s: .*BRANDLOCK_MAX_OPEN_JOBS/);
    const log = readFileSync(join(dir, 'delivery', '.brandlock', 'server.log'), 'utf8');
    expect(log).not.toContain('unhandled error');
  }, 240_000);

  it('refuses to mix another season into a delivery folder', async () => {
    const dir = season(ROWS.slice(0, 1));
    dirs.push(dir);
    expect((await produce(dir)).code).toBe(0);
    writeFileSync(join(dir, 'brief.csv'), [HEADER, ROWS[1]].join('\n') + '\n');
    const res = await produce(dir);
    expect(res.code).toBe(1);
    expect(res.err).toContain('holds a run of brief.csv');
  });

  it('names the variable to set when --provider asks for a GPU provider this machine has no key for', async () => {
    const dir = season(ROWS.slice(0, 1));
    dirs.push(dir);
    const { FAL_KEY: _unset, ...env } = process.env;
    const io = captureIo(dir, env);
    const code = await runCli(['produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery', '--provider', 'fal'], io);
    expect(code).toBe(1);
    expect(io.stderr).toContain('--provider fal: fal is not configured here; set FAL_KEY');
    expect(io.stderr).not.toContain('unexpected error');
    expect(io.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a produce run stopped halfway', { timeout: 300_000 }, () => {
  let bundle = '';
  let remove = () => undefined as void;
  beforeAll(() => {
    const built = buildServerBundle('test-produce');
    bundle = built.bundle.replace(/server\.mjs$/, 'brandlock.mjs');
    remove = built.remove;
  });
  afterAll(() => remove());

  const rows = Array.from({ length: 8 }, (_, i) => `NF-JR-${4000 + i},Heather grey,jersey,brushed cotton fleece,300 gsm,zip-through hoodie,heather,photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg,pdp-4x5;ig-square;marketplace,,front,mei,`);

  function start(dir: string): { child: ChildProcess; exited: Promise<number | string>; output: () => string } {
    let output = '';
    const child = spawn(process.execPath, [bundle, 'produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery'], { cwd: dir, env: { ...process.env, BRANDLOCK_POLL_MIN_MS: '100' } });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | string>((r) => child.on('exit', (code, signal) => r(signal ?? code ?? -1)));
    return { child, exited, output: () => output };
  }

  async function waitForDeliveries(dir: string, n: number, run: { exited: Promise<number | string> }) {
    const ledger = join(dir, 'delivery', '.brandlock', 'delivered.jsonl');
    let ended = false;
    void run.exited.then(() => (ended = true));
    while (!ended) {
      if (existsSync(ledger) && readFileSync(ledger, 'utf8').split('\n').filter(Boolean).length >= n) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the run ended before it had delivered anything');
  }

  function expectCompleteWithoutDuplicates(dir: string) {
    const manifest = manifestOf(dir);
    expect(manifest.complete).toBe(true);
    const paths = manifest.files.map((f: { path: string }) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(manifest.counts.variants).toBe(rows.length * 3);
    for (const f of manifest.files) expect(sha(join(dir, 'delivery', f.path))).toBe(f.sha256);
    const onDisk = ['pdp-4x5', 'ig-square', 'marketplace'].flatMap((c) => readdirSync(join(dir, 'delivery', c)).filter((n) => !n.startsWith('.')));
    expect(onDisk).toHaveLength(rows.length * 3);
    const ledger = readFileSync(join(dir, 'delivery', '.brandlock', 'delivered.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).path);
    expect(new Set(ledger).size).toBe(ledger.length);
  }

  it('continues after SIGKILL: the manifest is complete and lists every file once', async () => {
    const dir = season(rows);
    try {
      const first = start(dir);
      await waitForDeliveries(dir, 2, first);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const second = start(dir);
      expect(await second.exited, second.output()).toBe(0);
      expectCompleteWithoutDuplicates(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops cleanly on Ctrl-C (exit 130, says how to continue) and the next run finishes', async () => {
    const dir = season(rows);
    try {
      const first = start(dir);
      await waitForDeliveries(dir, 1, first);
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(130);
      expect(first.output()).toContain('Run the same command again to continue where it stopped.');
      expect(manifestOf(dir).complete).toBe(false);
      const second = start(dir);
      expect(await second.exited, second.output()).toBe(0);
      expectCompleteWithoutDuplicates(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
