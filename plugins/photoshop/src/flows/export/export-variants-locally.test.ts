// Export in the fake Photoshop with the demo brand's naming template: files named by the lock,
// exactly the channel's size and format (WebP too), XMP embedded, pad with the channel's background,
// a taken name reported and never overwritten, the master left untouched. Gated by QC: a reject or a
// master QC never saw is refused, a flag needs the retoucher's say-so, and a channel that would need
// more enlargement than it allows is skipped with the factor.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ChannelSpec } from '@brandlock/core/channels';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { studioImage } from '../../../test/support/studio-image';
import { FakeFileSystem } from '../../fake-host/fake-file-system';
import { readBrandlockXmp, writeBrandlockXmp } from '../../xmp/brandlock-xmp';
import { giveQcVerdict } from '../../../test/support/qc-verdict';
import { runDocumentQc } from '../qc/run-document-qc';
import { summarise } from '../../ui/widgets/outcome-list';
import { swatchFromPalette } from '@brandlock/core/qc';
import { makeCurvesLayer } from '../../descriptors/curves';
import { selectRectangle } from '../../descriptors/layers';
import { saveSelectionAsChannel } from '../../descriptors/channels';
import { deselect } from '../../descriptors/subject';
import { selectFlaggedRegion } from '../qc/select-region';
import { exportVariantsLocally } from './export-variants-locally';

const { lock, hash } = sampleLock();
// The demo lock's channel kinds at a tenth of their size, so the fake host's pixel work stays small.
const channels = [
  ChannelSpec.parse({ id: 'pdp-2x3', name: 'PDP hero 2:3', kind: 'hero', width: 200, height: 300, fit: 'cover', focal: 'subject', format: 'jpeg', quality: 90 }),
  ChannelSpec.parse({ id: 'marketplace', name: 'Marketplace main', kind: 'marketplace', width: 200, height: 200, fit: 'pad', background: '#ffffff', minFill: 0.85, margin: 0.03, format: 'jpeg', quality: 92 }),
  ChannelSpec.parse({ id: 'pinterest', name: 'Pinterest 2:3', kind: 'social', width: 100, height: 150, fit: 'cover', format: 'png' }),
  ChannelSpec.parse({ id: 'pdp-webp', name: 'PDP WebP', kind: 'hero', width: 120, height: 180, fit: 'cover', format: 'webp', quality: 82 }),
  ChannelSpec.parse({ id: 'pdp-avif', name: 'PDP AVIF', kind: 'hero', width: 120, height: 180, fit: 'cover', format: 'avif' }),
];

async function masterWithVerdict(verdict: 'pass' | 'flag' | 'reject' | null, size = { width: 240, height: 360 }) {
  const env = fakeEnvironment();
  const master = env.ps.addDocument({ title: 'NF-WV-1001.psd', pixels: studioImage({ ...size, depth: 16, background: [244, 241, 236] }) });
  if (verdict) {
    const findings = verdict === 'pass' ? [] : [{ rule: 'exposure', check: 'level', severity: verdict }];
    await giveQcVerdict(env.ps, master.id, { qcVerdict: verdict, qcFindings: JSON.stringify(findings), sku: 'NF-WV-1001', qcAt: '2026-12-07T10:30:00.000Z' });
  }
  return { env, master };
}

const request = (extra: Partial<Parameters<typeof exportVariantsLocally>[4]> = {}) => ({
  sku: 'NF-WV-1001', colorway: 'Ecru', view: 'front', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'), ...extra,
});
const options = { signal: new AbortController().signal, onProgress: () => {} };

describe('export channel variants in Photoshop', () => {
  it('writes each variant named by the lock, at its exact size and format, with XMP, and leaves the master alone', async () => {
    const { env, master } = await masterWithVerdict('pass');
    env.fs.put('/delivery/northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', new Uint8Array([7]));
    const { outcomes, subjectFrom } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request(), options);
    expect(subjectFrom).toBe('estimate');
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['PDP AVIF', 'skipped'],
      ['northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg', 'done'],
      ['northfold_nf-wv-1001_ecru_front_marketplace_200x200.jpg', 'done'],
      ['northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', 'failed'],
      ['northfold_nf-wv-1001_ecru_front_pdp-webp_120x180.webp', 'done'],
    ]);
    expect(outcomes[0].message).toBe('Not made: Photoshop cannot write AVIF; export this channel on the server.');
    expect(outcomes[3].message).toContain('already exists');
    const hero = env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg')!;
    const heroMeta = await sharp(hero).metadata();
    expect(heroMeta).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    const xmp = heroMeta.xmp!.toString('utf8');
    expect(xmp).toContain(hash);
    expect(xmp).toContain('digitalCapture');
    expect(await sharp(env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pdp-webp_120x180.webp')!).metadata()).toMatchObject({ format: 'webp', width: 120, height: 180 });
    const market = env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_marketplace_200x200.jpg')!;
    const { data } = await sharp(market).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]].every((v) => v >= 250)).toBe(true);
    expect(env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pinterest_100x150.png')).toEqual(new Uint8Array([7]));
    expect(env.ps.docs.map((d) => d.id)).toEqual([master.id]);
    expect(env.ps.doc(master.id).history).toEqual(['Open']);
    expect([...env.fs.files.keys()].filter((k) => k.includes('.part-'))).toEqual([]);
  });

  it('refuses a master QC rejected, or never judged, and writes nothing', async () => {
    for (const verdict of ['reject', null] as const) {
      const { env } = await masterWithVerdict(verdict);
      await expect(exportVariantsLocally(env.ps, env.fs, lock, hash, request(), options)).rejects.toMatchObject({
        code: 'bad-input', message: verdict ? 'QC rejected "NF-WV-1001.psd" (level (reject)); brandlock does not export a reject.' : '"NF-WV-1001.psd" has no QC verdict, so brandlock does not export it.',
      });
      expect([...env.fs.files.keys()].filter((k) => k.startsWith('/delivery/'))).toEqual([]);
    }
  });

  it('asks before exporting a flagged master, and exports it once the retoucher says so', async () => {
    const { env } = await masterWithVerdict('flag');
    await expect(exportVariantsLocally(env.ps, env.fs, lock, hash, request(), options)).rejects.toMatchObject({ code: 'needs-confirmation', message: 'QC flagged "NF-WV-1001.psd" (level (flag)). Export it anyway?' });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: channels.slice(0, 1), acceptFlag: true }), options);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
  });

  it('skips a channel that would need more enlargement than it allows, saying by how much', async () => {
    const { env } = await masterWithVerdict('pass', { width: 60, height: 90 });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: channels.slice(0, 1) }), options);
    expect(outcomes).toEqual([{
      name: 'PDP hero 2:3', status: 'skipped',
      message: expect.stringMatching(/^Not made: PDP hero 2:3 would need the master enlarged \d\.\d\dx; hero channels allow at most 2x\. It needs a larger master\.$/),
    }]);
    expect(env.fs.files.size).toBe(0);
  });

  it("takes the limit from the lock's channel spec, and by default never enlarges a marketplace image", async () => {
    // 150x225: the 200x300 hero crop around the subject needs about 1.8x (within the kind's 2x), the 200x200 marketplace pad more than 1x.
    const { env } = await masterWithVerdict('pass', { width: 150, height: 225 });
    const strictHero = ChannelSpec.parse({ ...channels[0], maxUpscale: 1.25 });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: [strictHero, channels[1], channels[2]] }), options);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['PDP hero 2:3', 'skipped'],
      ['Marketplace main', 'skipped'],
      ['northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', 'done'],
    ]);
    expect(outcomes[0].message).toMatch(/^Not made: PDP hero 2:3 would need the master enlarged 1\.[3-9]\dx; the lock allows at most 1\.25x\./);
    expect(outcomes[1].message).toMatch(/^Not made: Marketplace main would need the master enlarged 1\.\d\dx; marketplace channels allow at most 1x\./);
    expect([...env.fs.files.keys()]).toEqual(['/delivery/northfold_nf-wv-1001_ecru_front_pinterest_100x150.png']);
  });

  it('marks a variant enlarged within its limit as made but to be checked at 100%, not a plain DONE', async () => {
    // 150x225: the 200x300 hero crop needs about 1.8x, within a hero's 2x: made, and said to be enlarged.
    const { env } = await masterWithVerdict('pass', { width: 150, height: 225 });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: [channels[0], channels[2]] }), options);
    expect(outcomes.map((o) => [o.name, o.status, Boolean(o.caution)])).toEqual([
      ['northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg', 'done', true],
      ['northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', 'done', false],
    ]);
    expect(outcomes[0].caution).toMatch(/^the master is upscaled 1\.\d\dx.*: check it at 100% before it is delivered$/);
    expect(outcomes[0].message).not.toContain('upscaled');
    expect(summarise(outcomes)).toBe('2 done (1 to check)');
  });

  it('says a transparent channel came out on white, as Export in Photoshop flattens the master', async () => {
    const { env } = await masterWithVerdict('pass');
    const cutout = ChannelSpec.parse({ id: 'cutout', name: 'Cutout PNG', kind: 'social', width: 100, height: 150, fit: 'pad', background: 'transparent', format: 'png' });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: [cutout] }), options);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].status).toBe('done');
    expect(outcomes[0].caution).toMatch(/made on white, not transparent as Cutout PNG asks/);
  });

  it("delivers a TIFF without the master's alpha channels (a job's kept area, a retoucher's saved selection)", async () => {
    const { env, master } = await masterWithVerdict('pass');
    // What Generate leaves in a master whose job was never placed, and what Select > Save Selection makes.
    await env.ps.executeAsModal('Save Selection', () => env.ps.batchPlay([selectRectangle({ left: 40, top: 60, right: 100, bottom: 140 }), saveSelectionAsChannel('brandlock area · job 7f3a9c21 · 60×80'), deselect()]));
    expect(await env.ps.alphaChannelNames(master.id)).toEqual(['brandlock area · job 7f3a9c21 · 60×80']);
    const tiff = ChannelSpec.parse({ id: 'print-tiff', name: 'Print TIFF', kind: 'hero', width: 120, height: 180, fit: 'cover', format: 'tiff' });
    const { outcomes } = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: [tiff] }), options);
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    // Saved with the channel, the file had a fourth sample, black outside the area: a DAM or libvips
    // shows such a TIFF as transparent but for that rectangle.
    const meta = await sharp(env.fs.files.get(`/delivery/${outcomes[0].name}`)!).metadata();
    expect([meta.channels, meta.hasAlpha]).toEqual([3, false]);
    expect(await env.ps.alphaChannelNames(master.id)).toEqual(['brandlock area · job 7f3a9c21 · 60×80']);
  });

  it('exports only the pixels QC judged: a Curves layer or a repainted spot after a pass sends the master back to QC', async () => {
    const env = fakeEnvironment();
    const swatch = swatchFromPalette(lock, 'cognac', lock.categories.find((c) => c.id === 'wovens')!)!;
    const garment = [1, 3, 5].map((i) => parseInt(swatch.hex!.slice(i, i + 2), 16)) as [number, number, number];
    const master = env.ps.addDocument({ title: 'NF-WV-1004_cognac_front.psd', pixels: studioImage({ width: 240, height: 360, depth: 8, background: [244, 241, 236], garment }) });
    // The demo lock with the test's tenth-size channels and masters, so a 240x360 master is big enough.
    const small = { ...lock, channels, categories: lock.categories.map((c) => ({ ...c, recipe: { ...c.recipe, width: 240, height: 360 } })) };
    const wovens = small.categories.find((c) => c.id === 'wovens')!;
    const judge = () => runDocumentQc(env.ps, small, { category: wovens, swatch, sku: 'NF-WV-1004', colorway: 'Cognac', view: 'front', by: 'Dana', lockHash: hash });
    const cognac = request({ sku: 'NF-WV-1004', colorway: 'Cognac', channels: channels.slice(2, 3), acceptFlag: true });
    const qc = await judge();
    expect(qc.findings.filter((f) => f.severity === 'reject').map((f) => `${f.check} ${f.measured}`)).toEqual([]);
    expect(readBrandlockXmp(env.ps.doc(master.id).xmp).qcPixels).toMatch(/^240x360x8:[0-9a-f]{16}$/);
    expect((await exportVariantsLocally(env.ps, env.fs, small, hash, cognac, options)).outcomes.map((o) => o.status)).toEqual(['done']);

    // The retoucher lifts the mid-tones a touch after the pass: the verdict no longer describes these pixels.
    await env.ps.executeAsModal('Curves', () => env.ps.batchPlay([makeCurvesLayer('A touch brighter', { composite: [{ input: 0, output: 0 }, { input: 128, output: 131 }, { input: 255, output: 255 }] })]));
    env.fs.files.clear();
    await expect(exportVariantsLocally(env.ps, env.fs, small, hash, cognac, options)).rejects.toMatchObject({
      code: 'bad-input', message: expect.stringMatching(/^"NF-WV-1004_cognac_front.psd" has changed since QC judged it (pass|flag) on \d{4}-\d\d-\d\d \d\d:\d\d; brandlock exports only the pixels QC judged\.$/),
    });
    expect(env.fs.files.size).toBe(0);
    // QC again on the edited master, and it goes.
    await judge();
    expect((await exportVariantsLocally(env.ps, env.fs, small, hash, cognac, options)).outcomes.map((o) => o.status)).toEqual(['done']);

    // One pixel repainted on the background layer is a change too.
    env.ps.doc(master.id).layers.find((l) => l.pixels)!.pixels!.data[4 * (240 * 100 + 120)] ^= 0x10;
    await expect(exportVariantsLocally(env.ps, env.fs, small, hash, cognac, options)).rejects.toMatchObject({ code: 'bad-input', message: expect.stringContaining('has changed since QC judged it') });
  });

  it('refuses a verdict that does not say which pixels it judged (typed into File Info, or from before they were recorded)', async () => {
    const env = fakeEnvironment();
    const master = env.ps.addDocument({ title: 'NF-WV-1001.psd', pixels: studioImage({ width: 240, height: 360, depth: 8, background: [244, 241, 236] }) });
    env.ps.doc(master.id).xmp = writeBrandlockXmp('', { qcVerdict: 'pass', qcFindings: '[]', sku: 'NF-WV-1001' });
    await expect(exportVariantsLocally(env.ps, env.fs, lock, hash, request(), options)).rejects.toMatchObject({
      code: 'bad-input', message: 'The QC verdict on "NF-WV-1001.psd" does not say which pixels it judged (it was written before brandlock recorded them), so brandlock does not export it.',
    });
    expect(env.fs.files.size).toBe(0);
  });

  it("frames on the garment, not on a region QC selected to show a finding; the retoucher's own selection still frames", async () => {
    const { env, master } = await masterWithVerdict('pass');
    const hero = '/delivery/northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg';
    const exportHero = async () => {
      env.fs.files.clear();
      const result = await exportVariantsLocally(env.ps, env.fs, lock, hash, request({ channels: channels.slice(0, 1) }), options);
      return { ...result, bytes: env.fs.files.get(hero)! };
    };
    const unselected = await exportHero();
    expect(unselected.subjectFrom).toBe('estimate');

    // "Select this region" on a halo finding in the corner: a 20x20 box.
    await selectFlaggedRegion(env.ps, master.id, { x: 10, y: 10, width: 20, height: 20 });
    expect(await env.ps.selectionBounds(master.id)).toEqual({ left: 10, top: 10, right: 30, bottom: 30 });
    const afterFinding = await exportHero();
    expect(afterFinding).toMatchObject({ subjectFrom: 'estimate', ignoredSelection: 'finding-selection' });
    expect(Buffer.compare(Buffer.from(afterFinding.bytes), Buffer.from(unselected.bytes))).toBe(0);

    // The retoucher draws their own marquee round the garment: that frames the crops.
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 40, top: 60, right: 200, bottom: 300 })]));
    const own = await exportHero();
    expect(own.subjectFrom).toBe('selection');
    expect(own.ignoredSelection).toBeUndefined();

    // A marquee left from healing a spot on the backdrop covers none of the garment: it frames nothing.
    await env.ps.executeAsModal('Marquee', () => env.ps.batchPlay([selectRectangle({ left: 4, top: 4, right: 24, bottom: 24 })]));
    const leftover = await exportHero();
    expect(leftover).toMatchObject({ subjectFrom: 'estimate', ignoredSelection: 'partial-selection' });
    expect(leftover.selectionCovered).toBeLessThan(0.5);
    expect(Buffer.compare(Buffer.from(leftover.bytes), Buffer.from(unselected.bytes))).toBe(0);
  });
});
