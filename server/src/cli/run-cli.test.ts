import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { commands, loadCommands } from './commands';
import { captureIo } from '../../test-support/capture-io';

const root = new URL('../../../', import.meta.url).pathname;
const LOCK = join(root, 'samples/brand-lock.json');
const BRIEF = join(root, 'samples/brief.csv');
const BROKEN = join(root, 'samples/brief-broken.csv');

async function cli(...argv: string[]) {
  const io = captureIo(root);
  const code = await runCli(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** A copy of the sample folder, so tests can write broken locks beside the sample LUTs. */
function sampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-cli-'));
  cpSync(join(root, 'samples/luts'), join(dir, 'luts'), { recursive: true });
  return dir;
}

describe('brandlock CLI', () => {
  it('prints help for every command and exits 0', async () => {
    const loaded = await loadCommands();
    expect(loaded.map((c) => c.path)).toEqual(commands.map((c) => c.path));
    for (const c of loaded) {
      const res = await cli(...c.path, '--help');
      expect(res.code, c.path.join(' ')).toBe(0);
      expect(res.out).toContain(`Usage: brandlock ${c.path.join(' ')}`);
    }
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const c of commands) expect(top.out).toContain(c.path.join(' '));
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('lock', 'frobnicate')).code).toBe(2);
    expect((await cli('lock', 'check')).code).toBe(2);
    const unknownFlag = await cli('lock', 'check', LOCK, '--jsno');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toContain("Unknown option '--jsno'");
    expect((await cli('plan', BRIEF)).err).toContain('--lock <lock.json> is required');
  });

  it('lock check passes the sample with a summary and hash', async () => {
    const res = await cli('lock', 'check', LOCK);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/hash\s+sha256:[0-9a-f]{64}/);
    expect(res.out).toContain('Northfold Studio');
    expect(res.out).toMatch(/video\s+pdp-loop 1080x1350 3-10 s, reels 1080x1920/);
    expect(res.out).toMatch(/loops\s+wovens 6 s loop push-in, denim 6 s loop orbit-left, jersey 5 s loop push-in/);
  });

  it('lock check reports a mistyped key, a dangling reference and a wrong type with paths, exit 1', async () => {
    const dir = sampleCopy();
    const doc = JSON.parse(readFileSync(LOCK, 'utf8'));
    doc.naming.templat = doc.naming.template;
    doc.categories[0].poseSet = 'apparel';
    doc.palette.defaultTolerance = 'tight';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(doc, null, 2));
    const res = await cli('lock', 'check', join(dir, 'bad.json'));
    expect(res.code).toBe(1);
    expect(res.err).toContain('3 problems');
    expect(res.err).toContain('naming.templat: unknown key "templat"; did you mean "template"?');
    expect(res.err).toContain('categories[0].poseSet: no pose set with id "apparel"');
    expect(res.err).toContain('palette.defaultTolerance: wrong type (found "tight"; expected number)');
  });

  it('lock check says what a value out of range should be, in words', async () => {
    const dir = sampleCopy();
    const doc = JSON.parse(readFileSync(LOCK, 'utf8'));
    doc.channels[2].maxUpscale = 0;
    writeFileSync(join(dir, 'range.json'), JSON.stringify(doc, null, 2));
    const res = await cli('lock', 'check', join(dir, 'range.json'));
    expect(res.code).toBe(1);
    expect(res.err).toContain('channels[2].maxUpscale: too small (found 0; expected at least 0.25)');
    expect(res.err).not.toContain('expected expected');
  });

  it('lock check names the line and column of a JSON syntax error', async () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'broken.json'), '{\n  "schemaVersion": 1,\n  "brand": {,\n}');
    const res = await cli('lock', 'check', join(dir, 'broken.json'));
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/broken\.json:3:\d+: invalid JSON/);
  });

  it('lock check refuses a LUT file that changed since the lock pinned its SHA-256', async () => {
    const dir = sampleCopy();
    writeFileSync(join(dir, 'lock.json'), readFileSync(LOCK));
    const ok = await cli('lock', 'check', join(dir, 'lock.json'));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('warm-studio: luts/warm-studio.cube sha256 bf6ed4f4');
    writeFileSync(join(dir, 'luts/warm-studio.cube'), readFileSync(join(dir, 'luts/warm-studio.cube'), 'utf8').replace('0.030000 0.030000 0.030000', '0.031000 0.030000 0.030000'));
    const changed = await cli('lock', 'check', join(dir, 'lock.json'));
    expect(changed.code).toBe(1);
    expect(changed.err).toContain('luts[0].sha256: luts/warm-studio.cube has changed since the lock was written');
  });

  it('lock check on a missing file says so, exit 1', async () => {
    const res = await cli('lock', 'check', '/nonexistent/lock.json');
    expect(res.code).toBe(1);
    expect(res.err).toContain('/nonexistent/lock.json: no such file');
  });

  it('lock diff lists changes; lock schema prints JSON Schema', async () => {
    const dir = sampleCopy();
    const doc = JSON.parse(readFileSync(LOCK, 'utf8'));
    doc.lighting[1].keyFillRatio = 3;
    writeFileSync(join(dir, 'v2.json'), JSON.stringify(doc));
    const diff = await cli('lock', 'diff', LOCK, join(dir, 'v2.json'));
    expect(diff.code).toBe(0);
    expect(diff.out).toContain('~ Lighting preset "Cool editorial" (editorial-cool): key/fill ratio changed from 4 to 3');
    const schema = await cli('lock', 'schema');
    expect(JSON.parse(schema.out).properties.categories.type).toBe('array');
  });

  it('plan plans the 24 sample SKUs, exit 0', async () => {
    const res = await cli('plan', BRIEF, '--lock', LOCK);
    expect(res.code).toBe(0);
    expect(res.out).toContain('24 SKUs planned, 73 jobs');
    const json = JSON.parse((await cli('plan', BRIEF, '--lock', LOCK, '--json')).out);
    expect(json.jobs).toHaveLength(73);
    expect(json.jobs[0].recipe.prompt).toBeTruthy();
  });

  it('plan on the broken brief names each bad row and plans the rest, exit 1', async () => {
    const res = await cli('plan', BROKEN, '--lock', LOCK);
    expect(res.code).toBe(1);
    expect(res.out).toContain('3 SKUs planned');
    expect(res.out).toContain('11 rows skipped');
    for (const row of [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14]) expect(res.err).toContain(`row ${row}, `);
    expect(res.err).toContain('row 4, swatch: "poppi" is not a swatch in the palette (27 swatches); did you mean "poppy"?');
  });

  it('brief check summarises rows and exits 1 on errors, 0 when clean', async () => {
    const bad = await cli('brief', 'check', BROKEN, '--lock', LOCK);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('14 rows, 3 plannable, 11 with errors, 1 warnings');
    const good = await cli('brief', 'check', BRIEF, '--lock', LOCK);
    expect(good.code).toBe(0);
    expect(good.out).toContain('24 rows, 24 plannable, 0 with errors');
  });
});
