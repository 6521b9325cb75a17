// Export in the fake Photoshop with the demo brand's naming template: files named by the lock,
// exactly the channel's size and format, XMP embedded, pad with the channel's background, WebP sent
// to the server route, a taken name reported and never overwritten, the master left untouched.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ChannelSpec } from '@brandlock/core/channels';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { studioImage } from '../../../test/support/studio-image';
import { FakeFileSystem } from '../../fake-host/fake-file-system';
import { exportVariantsLocally } from './export-variants-locally';

const { lock, hash } = sampleLock();
// The demo lock's channel kinds at a tenth of their size, so the fake host's pixel work stays small.
const channels = [
  ChannelSpec.parse({ id: 'pdp-2x3', name: 'PDP hero 2:3', kind: 'hero', width: 200, height: 300, fit: 'cover', focal: 'subject', format: 'jpeg', quality: 90 }),
  ChannelSpec.parse({ id: 'marketplace', name: 'Marketplace main', kind: 'marketplace', width: 200, height: 200, fit: 'pad', background: '#ffffff', minFill: 0.85, margin: 0.03, format: 'jpeg', quality: 92 }),
  ChannelSpec.parse({ id: 'pinterest', name: 'Pinterest 2:3', kind: 'social', width: 100, height: 150, fit: 'cover', format: 'png' }),
  ChannelSpec.parse({ id: 'pdp-webp', name: 'PDP WebP', kind: 'hero', width: 120, height: 180, fit: 'cover', format: 'webp' }),
];

describe('export channel variants in Photoshop', () => {
  it('writes each variant named by the lock, at its exact size and format, with XMP, and leaves the master alone', async () => {
    const env = fakeEnvironment();
    const master = env.ps.addDocument({ title: 'NF-WV-1001.psd', pixels: studioImage({ width: 240, height: 360, depth: 16, background: [244, 241, 236] }) });
    env.fs.put('/delivery/northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', new Uint8Array([7]));
    const { outcomes, subjectFrom } = await exportVariantsLocally(env.ps, env.fs, lock, hash, {
      sku: 'NF-WV-1001', colorway: 'Ecru', view: 'front', category: 'wovens', channels, folder: FakeFileSystem.folder('/delivery'),
    }, { signal: new AbortController().signal, onProgress: () => {} });
    expect(subjectFrom).toBe('estimate');
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['PDP WebP', 'skipped'],
      ['northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg', 'done'],
      ['northfold_nf-wv-1001_ecru_front_marketplace_200x200.jpg', 'done'],
      ['northfold_nf-wv-1001_ecru_front_pinterest_100x150.png', 'failed'],
    ]);
    expect(outcomes[0].message).toContain('through the server');
    expect(outcomes[3].message).toContain('already exists');
    const hero = env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pdp-2x3_200x300.jpg')!;
    const heroMeta = await sharp(hero).metadata();
    expect(heroMeta).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    const xmp = heroMeta.xmp!.toString('utf8');
    expect(xmp).toContain(hash);
    expect(xmp).toContain('digitalCapture');
    const market = env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_marketplace_200x200.jpg')!;
    const { data } = await sharp(market).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]].every((v) => v >= 250)).toBe(true);
    expect(env.fs.files.get('/delivery/northfold_nf-wv-1001_ecru_front_pinterest_100x150.png')).toEqual(new Uint8Array([7]));
    expect(env.ps.docs.map((d) => d.id)).toEqual([master.id]);
    expect(env.ps.doc(master.id).history).toEqual(['Open']);
    expect([...env.fs.files.keys()].filter((k) => k.includes('.part-'))).toEqual([]);
  });
});
