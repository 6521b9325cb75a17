// `brandlock produce` with product video, offline: a brief row asks for a loop of its front view; the
// still passes QC, so the local provider renders its offline loop, frame QC passes it, and every video
// channel of the jersey motion brief is cut with a poster frame, listed in the manifest and the audit
// trail, and shown in the report with its filmstrip and ΔE00 over time, labelled offline. A row whose
// still needs a person gets no video, and the run says why. Run again, nothing is made or delivered twice.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../../test-support/capture-io';

const root = new URL('../../../', import.meta.url).pathname;
const HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,source_images,channels,markets,views,model,video_views,notes';
const ROWS = [
  'NF-JR-3005,Heather grey,jersey,brushed cotton fleece,300 gsm,zip-through hoodie,heather,photos/packshot/solidus-zip-hoodie-grey-white-bg.jpg,pdp-4x5,,front,mei,front,',
  'NF-KN-5001,Jet black,knitwear,extra-fine merino rib,12 gauge,ribbed beanie,lab(11.4 0.2 2.3),photos/packshot/solidus-beanie-black-cutout.png,pdp-4x5,,front,ava,front,',
];

/** The sample lock at small sizes (a test, not the demo): 512x768 stills, 3 s loops, channels a fifth of their size. */
function season(): string {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-produce-video-'));
  cpSync(join(root, 'samples', 'photos'), join(dir, 'photos'), { recursive: true });
  cpSync(join(root, 'samples', 'luts'), join(dir, 'luts'), { recursive: true });
  const lock = JSON.parse(readFileSync(join(root, 'samples', 'brand-lock.json'), 'utf8'));
  for (const c of lock.categories) c.recipe = { ...c.recipe, width: 512, height: 768 };
  lock.categories.find((c: { id: string }) => c.id === 'jersey').video.durationSeconds = 3;
  const fifth = (n: number) => 2 * Math.round(n / 10);
  const sizes: Record<string, [number, number, Record<string, number>?]> = { 'pdp-loop': [216, 270], reels: [216, 384, { top: fifth(269), right: fifth(65), bottom: fifth(672), left: fifth(65) }], tiktok: [216, 384, { top: fifth(130), right: fifth(140), bottom: fifth(370), left: fifth(60) }], 'square-loop': [216, 216] };
  for (const v of lock.videoChannels) Object.assign(v, { width: sizes[v.id][0], height: sizes[v.id][1], ...(sizes[v.id][2] ? { safeArea: sizes[v.id][2] } : {}) });
  writeFileSync(join(dir, 'brand-lock.json'), JSON.stringify(lock));
  writeFileSync(join(dir, 'brief.csv'), [HEADER, ...ROWS].join('\n') + '\n');
  return dir;
}

async function produce(dir: string) {
  const io = captureIo(dir, { ...process.env, BRANDLOCK_POLL_MIN_MS: '100' });
  // The lock is shrunk for speed, so its recipe hashes are not the approved ones: approval is not what this tests.
  const code = await runCli(['produce', 'brief.csv', '--lock', 'brand-lock.json', '--out', 'delivery', '--skip-approval'], io);
  return { code, out: io.stdout, err: io.stderr };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('brandlock produce with product video', () => {
  it('makes the loop of a passing still offline, cuts every video channel with a poster, and reports it', async () => {
    const dir = season();
    dirs.push(dir);
    const res = await produce(dir);
    expect(res.code, res.err + res.out).toBe(1);
    expect(res.out).toContain('NF-KN-5001 front video: waits for its still, which QC sent to a person (flagged): approve it in review, then run produce again');
    expect(res.out).toContain('video       4 channel cuts with poster frames');
    const manifest = JSON.parse(readFileSync(join(dir, 'delivery', 'manifest.json'), 'utf8'));
    expect(manifest.counts).toMatchObject({ videos: 4, posters: 4 });
    const videos = manifest.files.filter((f: { kind: string }) => f.kind === 'video');
    expect(videos.map((f: { path: string }) => f.path).sort()).toEqual([
      'pdp-loop/northfold_nf-jr-3005_heather-grey_front_pdp-loop_216x270.mp4',
      'reels/northfold_nf-jr-3005_heather-grey_front_reels_216x384.mp4',
      'square-loop/northfold_nf-jr-3005_heather-grey_front_square-loop_216x216.mp4',
      'tiktok/northfold_nf-jr-3005_heather-grey_front_tiktok_216x384.mp4',
    ]);
    for (const f of manifest.files) expect(createHash('sha256').update(readFileSync(join(dir, 'delivery', f.path))).digest('hex'), f.path).toBe(f.sha256);
    expect(videos.find((f: { channel: string }) => f.channel === 'tiktok')).toMatchObject({ durationSeconds: 6, fps: 24, verdict: 'pass' });
    expect(videos.find((f: { channel: string }) => f.channel === 'pdp-loop')).toMatchObject({ durationSeconds: 3, width: 216, height: 270 });

    const audit = readFileSync(join(dir, 'delivery', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const loop = audit.find((r: { kind: string }) => r.kind === 'video');
    expect(loop).toMatchObject({ sku: 'NF-JR-3005', provider: 'local', model: 'local-cpu-pipeline', costUsd: 0, qc: { verdict: 'pass' } });
    expect(loop.video).toMatchObject({ offline: true, motion: { durationSeconds: 3, loop: true, camera: { path: 'push-in', amount: 0.08 } }, clip: { fps: 24, frames: 72, codec: 'h264' } });
    expect(loop.video.motion.prompt).toContain('the Heather grey brushed cotton fleece zip-through hoodie from the first frame');
    expect(loop.seed).toBe(loop.video.motion.seed);
    expect(loop.note).toMatch(/^local provider: no generative model ran/);
    const still = audit.find((r: { sku: string; kind: string }) => r.sku === 'NF-JR-3005' && r.kind === 'generate');
    expect(loop.video.still.sha256).toBe(still.sha256);
    expect(loop.delivered).toHaveLength(8);

    const report = readFileSync(join(dir, 'delivery', 'report.html'), 'utf8');
    expect(report).toContain('Product video (1: 1 pass, 0 flag, 0 reject)');
    expect(report).toContain('Offline loop.');
    expect(report).toMatch(/<img class="filmstrip" alt="NF-JR-3005 · Heather grey · front · video: 8 frames/);
    expect(report).toMatch(/<svg class="de-plot"[^>]*aria-label="Garment ΔE00 against the swatch over the clip"/);
    expect(report).not.toMatch(/src="http/);

    const again = await produce(dir);
    expect(again.code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'delivery', 'manifest.json'), 'utf8')).files).toEqual(manifest.files);
    const auditAgain = readFileSync(join(dir, 'delivery', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(auditAgain.filter((r: { kind: string }) => r.kind === 'video')).toHaveLength(1);
  }, 300_000);
});
