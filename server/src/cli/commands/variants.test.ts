import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import exifr from 'exifr';
import { runCli } from '../run-cli';
import type { CliIo } from '../command';
import { REPO, studioMaster, tempDir, removeTempDirs } from '../../pipeline/variants/test-support';

afterAll(removeTempDirs);

function capture(cwd: string): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, cwd, env: {}, signal: new AbortController().signal, stdout: () => out, stderr: () => err };
}

const LOCK = join(REPO, 'samples/brand-lock.json');
let work: string;

beforeAll(async () => {
  work = await tempDir('cli');
  // A master of a real recipe's order of size: the social channels fit it without more than 1.25x.
  await studioMaster(join(work, 'master.jpg'), 1400, 2100);
});

async function variants(args: string[]) {
  const io = capture(work);
  const code = await runCli(['variants', 'master.jpg', '--lock', LOCK, ...args], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('brandlock variants', () => {
  it('writes the chosen channels, prints them, and embeds the provenance given as flags', async () => {
    const r = await variants(['--sku', 'NF-1001', '--colorway', 'ecru', '--view', 'front', '--channels', 'ig-square,pinterest', '--out', 'o1', '--job', 'job-9', '--model', 'flux-dev', '--seed', '77', '--qc', 'flag']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('wrote 2 variants');
    expect(r.out).toMatch(/ig-square\s+1080x1080 jpeg q90 .* northfold_nf-1001_ecru_front_ig-square_1080x1080\.jpg/);
    expect((await readdir(join(work, 'o1'))).sort()).toEqual(['northfold_nf-1001_ecru_front_ig-square_1080x1080.jpg', 'northfold_nf-1001_ecru_front_pinterest_1000x1500.png']);
    const tags = await exifr.parse(await readFile(join(work, 'o1/northfold_nf-1001_ecru_front_pinterest_1000x1500.png')), { xmp: true, mergeOutput: false });
    expect(tags.brandlock).toMatchObject({ jobId: 'job-9', seed: 77, qcVerdict: 'flag', model: 'flux-dev', sku: 'NF-1001' });
  });

  it('prints JSON and writes a manifest file', async () => {
    const r = await variants(['--sku', 'NF-2', '--colorway', 'ecru', '--view', 'back', '--channels', 'ig-square', '--out', 'o2', '--json', '--manifest', 'o2-manifest.json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ ok: true, master: { width: 1400, height: 2100, format: 'jpeg' }, entries: [{ channel: 'ig-square', width: 1080, height: 1080, format: 'jpeg' }] });
    const manifest = JSON.parse(await readFile(join(work, 'o2-manifest.json'), 'utf8'));
    expect(manifest[0]).toMatchObject({ channel: 'ig-square', sha256: json.entries[0].sha256, bytes: json.entries[0].bytes });
  });

  it('keeps a hostile SKU inside the output folder, says how it was renamed, and refuses to overwrite on a re-run', async () => {
    const first = await variants(['--sku', '../../etc/x', '--colorway', 'ecru', '--view', 'front', '--channels', 'ig-square', '--out', 'o3']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('renamed {sku} "../../etc/x" to "etc-x"');
    expect(await readdir(join(work, 'o3'))).toEqual(['northfold_etc-x_ecru_front_ig-square_1080x1080.jpg']);
    const again = await variants(['--sku', 'etc/x', '--colorway', 'ecru', '--view', 'front', '--channels', 'ig-square', '--out', 'o3']);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/failed {2}ig-square: northfold_etc-x_ecru_front_ig-square_1080x1080\.jpg is already taken by an existing file .*not overwritten/);
  });

  it('skips channels that do not apply to the market', async () => {
    const r = await variants(['--sku', 'NF-3', '--colorway', 'ecru', '--view', 'front', '--channels', 'ig-square,zalando', '--market', 'us', '--out', 'o4']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('skipped zalando: applies to DE, FR, NL, PL, not US');
  });

  it("skips a channel the master is too small for, with the factor and the lock's limit, and still succeeds", async () => {
    const r = await variants(['--sku', 'NF-4', '--colorway', 'ecru', '--view', 'detail', '--channels', 'ig-square,zoom', '--out', 'o7']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('wrote 1 variant');
    expect(r.out).toMatch(/skipped zoom: Mobile zoom detail crop would need the master enlarged \d\.\d\dx; the lock allows at most 1x\. It needs a larger master\./);
    expect(await readdir(join(work, 'o7'))).toEqual(['northfold_nf-4_ecru_detail_ig-square_1080x1080.jpg']);
    const json = JSON.parse((await variants(['--sku', 'NF-5', '--channels', 'zoom', '--out', 'o8', '--json'])).out);
    expect(json).toMatchObject({ ok: true, entries: [], skipped: [{ id: 'zoom', reason: expect.stringContaining('at most 1x') }] });
  });

  it.each([
    [['--sku', 'x'], 'unknown channel', ['--channels', 'nope'], 2],
    [[], '--sku is required', [], 2],
    [['--sku', 'x'], '--subject expects 4', ['--subject', '1,2,3'], 2],
    [['--sku', 'x'], '--head and --hem go together', ['--head', '10'], 2],
    [['--sku', 'x'], 'approved masters', ['--qc', 'reject'], 1],
    [['--sku', 'x'], 'not inside the 1400x2100 master', ['--subject', '100,100,1400,100'], 1],
    [['--sku', 'x'], 'provenance field "seed"', ['--seed', '12ab'], 1],
  ])('refuses bad input %#: %s', async (base, message, extra, code) => {
    const r = await variants([...base, ...extra, '--out', 'o5']);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('names an output folder it cannot use', async () => {
    await writeFile(join(work, 'a-file'), 'x');
    const r = await variants(['--sku', 'x', '--channels', 'ig-square', '--out', 'a-file']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--out: cannot use .*a-file as the output folder \(EEXIST\)/);
  });

  it('names a master that is not an image', async () => {
    await writeFile(join(work, 'notes.jpg'), 'hello');
    const io = capture(work);
    const code = await runCli(['variants', 'notes.jpg', '--lock', LOCK, '--sku', 'x', '--out', 'o6'], io);
    expect(code).toBe(1);
    expect(io.stderr()).toContain('notes.jpg: not an image format');
  });

  it('reports a broken lock before a broken master (the master is decoded while the lock is read), and a subject box outside the master', async () => {
    await writeFile(join(work, 'notes2.jpg'), 'hello');
    await writeFile(join(work, 'broken-lock.json'), '{"version": 1}');
    const io = capture(work);
    expect(await runCli(['variants', 'notes2.jpg', '--lock', 'broken-lock.json', '--sku', 'x', '--out', 'o9'], io)).toBe(1);
    expect(io.stderr()).toMatch(/^brandlock variants: broken-lock\.json: \d+ problem\(s\)/);
    expect(io.stderr()).not.toContain('notes2.jpg');
    const r = await variants(['--sku', 'x', '--channels', 'ig-square', '--subject', '100,100,1400,50', '--out', 'o10']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('master.jpg: the subject box 100,100,1400,50 is not inside the 1400x2100 master');
    await expect(readdir(join(work, 'o10'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
