// QC on the document in the fake Photoshop with the demo brand's lock: always against the SKU's
// swatch, the verdict and findings core gives, the region it flags, the verdict written to the
// document's XMP with the SKU it was judged as, and the verdict still shown when Photoshop refuses
// that write.
import { describe, expect, it } from 'vitest';
import { swatchFromPalette } from '@brandlock/core/qc';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { studioImage } from '../../../test/support/studio-image';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { identifyDocument } from '../document-identity/document-identity';
import { runDocumentQc } from './run-document-qc';
import { qcTargetFor } from './qc-target';

const { lock, hash } = sampleLock();
const wovens = lock.categories.find((c) => c.id === 'wovens')!;
const cognac = { category: wovens, swatch: swatchFromPalette(lock, 'cognac', wovens)!, sku: 'NF-WV-1004', colorway: 'Cognac', view: 'front' };

describe('QC on the active document', () => {
  it('rejects a grey garment on a cognac SKU, with the measured ΔE00 and its limit, and records the verdict and SKU', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1004.psd', pixels: studioImage({ width: 256, height: 384, background: [244, 241, 236], garment: [128, 128, 128], texture: 2 }) });
    const result = await runDocumentQc(env.ps, lock, { ...cognac, by: 'Dana', lockHash: hash });
    expect(result.verdict).toBe('reject');
    const color = result.findings.find((f) => f.rule === 'color' && f.severity === 'reject')!;
    expect(color.measured).toBeGreaterThan(20);
    expect(color.limits).toMatchObject({ direction: 'max' });
    expect(result.garment!.l).toBeCloseTo(53.6, 0);
    expect(result.findings.some((f) => f.check === 'bit-depth' || f.check === 'format')).toBe(false);
    const xmp = readBrandlockXmp(env.ps.doc(doc.id).xmp);
    expect(xmp).toMatchObject({ qcVerdict: 'reject', qcCategory: 'wovens', qcSwatch: 'cognac', qcLockHash: hash, qcBy: 'Dana', sku: 'NF-WV-1004', colorway: 'Cognac' });
    expect(JSON.parse(xmp.qcFindings).some((f: { rule: string }) => f.rule === 'color')).toBe(true);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: QC reject']);
    expect(result.proxy.width * result.proxyFactor).toBe(256);
    expect(result.recorded).toBe(true);
  });

  it('has no target, and so no verdict, for a camera file it cannot place', () => {
    const identity = identifyDocument({ title: 'IMG_2231.psd', xmp: {} }, lock, null);
    expect(qcTargetFor(identity, lock, 'IMG_2231.psd')).toMatchObject({ success: false, missing: 'sku' });
  });

  it('shows the verdict even when Photoshop refuses to write it into the metadata', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1004.psd', pixels: studioImage({ width: 128, height: 192 }) });
    env.ps.doc(doc.id).refusesXmp = true;
    const result = await runDocumentQc(env.ps, lock, { ...cognac, by: 'Dana', lockHash: hash });
    expect(result.verdict).toBe('reject');
    expect(result.recorded).toBe(false);
    expect(result.recordError).toMatch(/could not write the QC verdict into the document metadata.*-25920/);
    expect(env.ps.doc(doc.id).history).toEqual(['Open']);
  });

  it('stops when the retoucher cancels, writing nothing', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({ title: 'NF-WV-1004.psd', pixels: studioImage({ width: 128, height: 192 }) });
    const controller = new AbortController();
    controller.abort();
    await expect(runDocumentQc(env.ps, lock, { ...cognac, by: 'Dana', lockHash: hash, signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
    expect(env.ps.doc(doc.id).xmp).toBe('');
  });

  it('refuses a CMYK document before reading pixels', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'print.tif', pixels: studioImage(), mode: 'CMYK' });
    await expect(runDocumentQc(env.ps, lock, { ...cognac, by: 'Dana', lockHash: hash })).rejects.toMatchObject({ code: 'unsupported-mode' });
  });
});
