// QC on the document in the fake Photoshop with the demo brand's lock: the verdict and findings
// core gives, the region it flags, and the verdict written to the document's XMP in one step.
import { describe, expect, it } from 'vitest';
import { swatchFromPalette } from '@brandlock/core/qc';
import { fakeEnvironment } from '../../../test/support/fake-env';
import { sampleLock } from '../../../test/support/sample-lock';
import { studioImage } from '../../../test/support/studio-image';
import { readBrandlockXmp } from '../../xmp/brandlock-xmp';
import { runDocumentQc } from './run-document-qc';

const { lock, hash } = sampleLock();
const wovens = lock.categories.find((c) => c.id === 'wovens')!;

describe('QC on the active document', () => {
  it('rejects a garment far from its swatch, with the measured ΔE00 and its limit, and records the verdict', async () => {
    const env = fakeEnvironment();
    const doc = env.ps.addDocument({
      title: 'NF-WV-1002.psd',
      pixels: studioImage({ width: 256, height: 384, background: [244, 241, 236], garment: [60, 110, 160] }),
    });
    const swatch = swatchFromPalette(lock, 'cognac', wovens);
    const result = await runDocumentQc(env.ps, lock, { category: wovens, swatch, by: 'Dana', lockHash: hash });
    expect(result.verdict).toBe('reject');
    const color = result.findings.find((f) => f.rule === 'color' && f.severity === 'reject')!;
    expect(color.measured).toBeGreaterThan(20);
    expect(color.limits).toMatchObject({ direction: 'max' });
    expect(result.findings.some((f) => f.check === 'bit-depth' || f.check === 'format')).toBe(false);
    const xmp = readBrandlockXmp(env.ps.doc(doc.id).xmp);
    expect(xmp).toMatchObject({ qcVerdict: 'reject', qcCategory: 'wovens', qcLockHash: hash, qcBy: 'Dana' });
    expect(JSON.parse(xmp.qcFindings).some((f: { rule: string }) => f.rule === 'color')).toBe(true);
    expect(env.ps.doc(doc.id).history).toEqual(['Open', 'brandlock: QC reject']);
    expect(result.proxy.width * result.proxyFactor).toBe(256);
  });

  it('refuses a CMYK document before reading pixels', async () => {
    const env = fakeEnvironment();
    env.ps.addDocument({ title: 'print.tif', pixels: studioImage(), mode: 'CMYK' });
    await expect(runDocumentQc(env.ps, lock, { category: wovens, swatch: null, by: 'Dana', lockHash: hash })).rejects.toMatchObject({ code: 'unsupported-mode' });
  });
});
