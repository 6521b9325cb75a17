// QC and Export over every open master or a folder, in one modal scope with one progress bar and
// Cancel: each master judged and exported as its own SKU, unknown SKUs reported rather than guessed,
// folder files read without dialogs and never changed, rejects and unjudged masters not exported.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ChannelSpec } from '@brandlock/core/channels';
import { fakeEnvironment } from '../../test/support/fake-env';
import { sampleLock } from '../../test/support/sample-lock';
import { giveQcVerdict } from '../../test/support/qc-verdict';
import { studioImage } from '../../test/support/studio-image';
import { FakeFileSystem } from '../fake-host/fake-file-system';
import { readBrandlockXmp, writeBrandlockXmp } from '../xmp/brandlock-xmp';
import { identifyDocument } from './document-identity/document-identity';
import { runQcBatch } from './qc/run-qc-batch';
import { exportBatch } from './export/export-batch';

const { lock, hash } = sampleLock();
const identify = (doc: { title: string }, xmp: Record<string, string>) => identifyDocument({ title: doc.title, xmp }, lock, null);
const options = () => ({ by: 'Dana', lockHash: hash, signal: new AbortController().signal, onProgress: () => {} });

async function jpeg(garment: [number, number, number]) {
  const r = studioImage({ width: 48, height: 72, garment, texture: 2 });
  return new Uint8Array(await sharp(Buffer.from(r.data), { raw: { width: 48, height: 72, channels: 4 } }).jpeg().toBuffer());
}

describe('QC over many masters', () => {
  it('judges every open master against its own swatch, writes each verdict, and reports one it cannot place', async () => {
    const env = fakeEnvironment();
    const sky = env.ps.addDocument({ title: 'NF-WV-1003_sky_wovens_front.psd', pixels: studioImage({ width: 64, height: 96, garment: [169, 198, 224], texture: 2 }) });
    env.ps.addDocument({ title: 'IMG_2231.psd', pixels: studioImage({ width: 64, height: 96 }) });
    const { outcomes, cancelled } = await runQcBatch(env.ps, env.fs, lock, { kind: 'open' }, identify, options());
    expect(cancelled).toBe(false);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['NF-WV-1003_sky_wovens_front.psd', 'done'], ['IMG_2231.psd', 'failed']]);
    expect(outcomes[0].message).toMatch(/^REJECT as NF-WV-1003 \(Sky\)/);
    expect(outcomes[1].message).toContain('cannot tell which SKU "IMG_2231.psd" is');
    expect(readBrandlockXmp(env.ps.doc(sky.id).xmp)).toMatchObject({ qcVerdict: 'reject', sku: 'NF-WV-1003', qcSwatch: 'sky' });
    expect(env.ps.modalCommands).toEqual(['QC']);
  });

  it('reads a folder without dialogs and without changing the files, and stops at Cancel', async () => {
    const env = fakeEnvironment();
    env.fs.put('/shoot/NF-WV-1003_sky_wovens_front.jpg', await jpeg([169, 198, 224]));
    env.fs.put('/shoot/NF-DN-2001_mid-wash_denim_front.jpg', await jpeg([91, 115, 144]));
    env.ps.openDialogs.set('/shoot/NF-WV-1003_sky_wovens_front.jpg', 'Embedded Profile Mismatch');
    const before = new Map(env.fs.files);
    const controller = new AbortController();
    const run = await runQcBatch(env.ps, env.fs, lock, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') }, identify, {
      ...options(), signal: controller.signal, onProgress: (p) => p.label.startsWith('2 of') && controller.abort(),
    });
    expect(run.outcomes.map((o) => [o.name, o.status])).toEqual([['NF-DN-2001_mid-wash_denim_front.jpg', 'done'], ['NF-WV-1003_sky_wovens_front.jpg', 'skipped']]);
    expect(run.outcomes[0].message).toMatch(/as NF-DN-2001 \(Mid wash\).*\(file not changed; no XMP written\)$/);
    expect(run.cancelled).toBe(true);
    expect(env.fs.files).toEqual(before);
    expect(env.ps.docs).toHaveLength(0);
  });

  it('writes each folder verdict into an XMP sidecar beside the image when asked, keeping what a sidecar already holds, and never changes the images', async () => {
    const env = fakeEnvironment();
    env.fs.put('/shoot/NF-WV-1003_sky_wovens_front.jpg', await jpeg([169, 198, 224]));
    env.fs.put('/shoot/NF-DN-2001_mid-wash_denim_front.jpg', await jpeg([91, 115, 144]));
    env.fs.put('/shoot/NF-DN-2001_mid-wash_denim_front.png', new Uint8Array(await sharp(await jpeg([91, 115, 144])).png().toBuffer()));
    // Lightroom's develop settings for the sky shot, in the sidecar Lightroom writes.
    const lightroom = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" crs:Exposure2012="+0.35"/></rdf:RDF></x:xmpmeta>';
    env.fs.put('/shoot/NF-WV-1003_sky_wovens_front.xmp', new TextEncoder().encode(lightroom));
    const images = [...env.fs.files].filter(([k]) => !k.endsWith('.xmp'));
    const run = await runQcBatch(env.ps, env.fs, lock, { kind: 'folder', folder: FakeFileSystem.folder('/shoot') }, identify, { ...options(), sidecars: true });
    expect(run.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['NF-DN-2001_mid-wash_denim_front.jpg', 'done'], ['NF-DN-2001_mid-wash_denim_front.png', 'done'], ['NF-WV-1003_sky_wovens_front.jpg', 'done'],
    ]);
    expect(run.outcomes[0].message).toMatch(/· XMP in NF-DN-2001_mid-wash_denim_front\.xmp \(file not changed\)$/);
    expect(run.outcomes[1].message).toMatch(/sidecar not written: NF-DN-2001_mid-wash_denim_front\.xmp already holds the verdict of NF-DN-2001_mid-wash_denim_front\.jpg/);
    expect(run.outcomes[2].message).toMatch(/^REJECT as NF-WV-1003 \(Sky\).*· XMP in NF-WV-1003_sky_wovens_front\.xmp \(file not changed\)$/);
    const sidecar = (name: string) => new TextDecoder().decode(env.fs.files.get(`/shoot/${name}`)!);
    const sky = readBrandlockXmp(sidecar('NF-WV-1003_sky_wovens_front.xmp'));
    expect(sky).toMatchObject({ qcVerdict: 'reject', sku: 'NF-WV-1003', qcSwatch: 'sky', qcLockHash: hash, qcBy: 'Dana' });
    expect(Number(sky.qcDeltaE00)).toBeGreaterThan(0);
    expect(sidecar('NF-WV-1003_sky_wovens_front.xmp')).toContain('crs:Exposure2012="+0.35"');
    expect(readBrandlockXmp(sidecar('NF-DN-2001_mid-wash_denim_front.xmp'))).toMatchObject({ sku: 'NF-DN-2001', qcVerdict: expect.stringMatching(/^(pass|flag|reject)$/) });
    expect([...env.fs.files].filter(([k]) => !k.endsWith('.xmp'))).toEqual(images);
    expect([...env.fs.files.keys()].filter((k) => k.includes('.part'))).toEqual([]);
    expect(env.ps.docs).toHaveLength(0);
  });
});

describe('Export over many masters', () => {
  const channel = ChannelSpec.parse({ id: 'ig-square', name: 'Instagram 1:1', kind: 'social', width: 40, height: 40, fit: 'cover', format: 'jpeg' });

  it('exports the masters that passed QC as their own SKU, and skips a reject, an unjudged master and a flag unless asked', async () => {
    const env = fakeEnvironment();
    const add = async (title: string, verdict?: string) => {
      const d = env.ps.addDocument({ title, pixels: studioImage({ width: 60, height: 90 }) });
      if (verdict) await giveQcVerdict(env.ps, d.id, { qcVerdict: verdict, qcFindings: '[]' });
      return d;
    };
    await add('NF-WV-1001_chalk_front.psd', 'pass');
    await add('NF-WV-1002_terracotta_front.psd', 'reject');
    await add('NF-WV-1003_sky_front.psd');
    await add('NF-DN-2001_mid-wash_front.psd', 'flag');
    // Named for one SKU, judged as another (saved under the wrong name): not delivered under either.
    const misnamed = env.ps.addDocument({ title: 'NF-WV-1003_sky_front_final.psd', pixels: studioImage({ width: 60, height: 90 }) });
    await giveQcVerdict(env.ps, misnamed.id, { qcVerdict: 'pass', qcFindings: '[]', sku: 'NF-WV-1001' });
    // Passed, then retouched: its pass no longer describes it.
    const edited = await add('NF-WV-1004_cognac_front.psd', 'pass');
    env.ps.doc(edited.id).layers.find((l) => l.pixels)!.pixels!.data[400] ^= 0x20;
    const run = await exportBatch(env.ps, env.fs, lock, hash, { kind: 'open' }, identify, { channels: [channel], folder: FakeFileSystem.folder('/out'), includeFlagged: false }, options());
    expect(run.outcomes.map((o) => [o.name, o.status])).toEqual([
      ['NF-WV-1001_chalk_front.psd', 'done'], ['NF-WV-1002_terracotta_front.psd', 'skipped'], ['NF-WV-1003_sky_front.psd', 'skipped'], ['NF-DN-2001_mid-wash_front.psd', 'skipped'],
      ['NF-WV-1003_sky_front_final.psd', 'skipped'], ['NF-WV-1004_cognac_front.psd', 'skipped'],
    ]);
    expect(run.outcomes[4].message).toBe('Not exported: its file name says NF-WV-1003 but its metadata says NF-WV-1001. Open it, choose which SKU it is and run QC, or rename it.');
    expect(run.outcomes[5].message).toMatch(/^Not exported: "NF-WV-1004_cognac_front.psd" has changed since QC judged it pass; brandlock exports only the pixels QC judged\.$/);
    expect(run.outcomes[1].message).toContain('does not export a reject');
    expect(run.outcomes[2].message).toContain('has no QC verdict');
    expect(run.outcomes[3].message).toContain('QC flagged');
    expect([...env.fs.files.keys()].filter((k) => k.startsWith('/out/'))).toEqual(['/out/northfold_nf-wv-1001_chalk_front_ig-square_40x40.jpg']);
  });

  it('skips a master whose view nothing states when its SKU has several, and names the others by their own view', async () => {
    const env = fakeEnvironment();
    const row = (sku: string, colorway: string, views: string[]) => ({
      sku, colorway, category: 'wovens', swatch: { input: colorway.toLowerCase(), hex: null, name: colorway }, status: 'planned', views: views.map((v) => ({ view: v, viewName: v, status: 'planned' })),
    });
    const brief = { id: 'b1', name: 'SS27', skus: [row('NF-WV-1001', 'Chalk', ['front', 'back']), row('NF-WV-1002', 'Terracotta', ['front'])] };
    const byBrief = (doc: { title: string }, xmp: Record<string, string>) => identifyDocument({ title: doc.title, xmp }, lock, brief);
    for (const title of ['NF-WV-1001_chalk.psd', 'NF-WV-1001_chalk_back.psd', 'NF-WV-1002_terracotta.psd']) {
      const d = env.ps.addDocument({ title, pixels: studioImage({ width: 60, height: 90 }) });
      await giveQcVerdict(env.ps, d.id, { qcVerdict: 'pass', qcFindings: '[]' });
    }
    const run = await exportBatch(env.ps, env.fs, lock, hash, { kind: 'open' }, byBrief, { channels: [channel], folder: FakeFileSystem.folder('/out'), includeFlagged: false }, options());
    expect(run.outcomes.map((o) => [o.name, o.status])).toEqual([['NF-WV-1001_chalk.psd', 'skipped'], ['NF-WV-1001_chalk_back.psd', 'done'], ['NF-WV-1002_terracotta.psd', 'done']]);
    expect(run.outcomes[0].message).toBe('Not exported: its name and metadata do not say which view it is, and NF-WV-1001 has front and back. Open it and choose its view on the Export tab, or put the view in its name.');
    expect([...env.fs.files.keys()].filter((k) => k.startsWith('/out/')).sort()).toEqual([
      '/out/northfold_nf-wv-1001_chalk_back_ig-square_40x40.jpg', '/out/northfold_nf-wv-1002_terracotta_front_ig-square_40x40.jpg',
    ]);
  });

  it('exports a folder by the verdicts QC on that folder wrote into XMP sidecars, the images left unchanged', async () => {
    const env = fakeEnvironment();
    env.fs.put('/shoot/NF-WV-1003_sky_wovens_front.jpg', await jpeg([169, 198, 224]));
    env.fs.put('/shoot/NF-DN-2001_mid-wash_denim_front.jpg', await jpeg([91, 115, 144]));
    env.fs.put('/shoot/NF-WV-1001_chalk_wovens_front.jpg', await jpeg([226, 223, 212]));
    const shoot = FakeFileSystem.folder('/shoot');
    await runQcBatch(env.ps, env.fs, lock, { kind: 'folder', folder: shoot }, identify, { ...options(), sidecars: true });
    // As a retoucher would accept the denim after review: its sidecar says pass, with QC's fingerprint kept.
    const denim = '/shoot/NF-DN-2001_mid-wash_denim_front.xmp';
    const judged = readBrandlockXmp(new TextDecoder().decode(env.fs.files.get(denim)!));
    env.fs.put(denim, new TextEncoder().encode(writeBrandlockXmp(new TextDecoder().decode(env.fs.files.get(denim)!), { ...judged, qcVerdict: 'pass' })));
    // The chalk shot's sidecar is removed: it has no verdict at all.
    env.fs.files.delete('/shoot/NF-WV-1001_chalk_wovens_front.xmp');
    const images = [...env.fs.files].filter(([k]) => k.startsWith('/shoot/') && !k.endsWith('.xmp'));
    const run = await exportBatch(env.ps, env.fs, lock, hash, { kind: 'folder', folder: shoot }, identify, { channels: [channel], folder: FakeFileSystem.folder('/out'), includeFlagged: false }, options());
    const by = Object.fromEntries(run.outcomes.map((o) => [o.name, o]));
    expect(by['NF-DN-2001_mid-wash_denim_front.jpg'].status).toBe('done');
    expect(by['NF-WV-1003_sky_wovens_front.jpg'].message).toContain('does not export a reject');
    expect(by['NF-WV-1001_chalk_wovens_front.jpg'].message).toContain('has no QC verdict');
    expect([...env.fs.files.keys()].filter((k) => k.startsWith('/out/'))).toEqual(['/out/northfold_nf-dn-2001_mid-wash_front_ig-square_40x40.jpg']);
    expect([...env.fs.files].filter(([k]) => k.startsWith('/shoot/') && !k.endsWith('.xmp'))).toEqual(images);
  });
});
