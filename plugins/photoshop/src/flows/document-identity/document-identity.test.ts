// Which SKU an open master is: from its XMP, its file name, or the retoucher's choice, with the
// colourway, view and category filled from the brief's row, and the swatch QC judges it against.
import { describe, expect, it } from 'vitest';
import { sampleLock } from '../../../test/support/sample-lock';
import type { CurrentBrief } from '../../ports/brandlock-server';
import { categoryFor, identifyDocument, targetSwatchFor } from './document-identity';
import { parseDocumentName } from './parse-document-name';

const { lock } = sampleLock();
const row = (sku: string, colorway: string, category: string, swatch: string) => ({
  sku, colorway, category, swatch: { input: swatch, hex: null, name: colorway }, status: 'planned', views: [{ view: 'front', viewName: 'Front', status: 'planned' }],
});
const brief: CurrentBrief = {
  id: 'b1', name: 'SS27', skus: [row('NF-WV-1001', 'Chalk', 'wovens', 'chalk'), row('NF-WV-1002', 'Terracotta', 'wovens', 'terracotta'), row('NF-DN-2001', 'Mid wash', 'denim', 'mid-wash')],
};
const skus = brief.skus.map((s) => s.sku);

describe('reading a file name', () => {
  it.each([
    ['NF-WV-1002_terracotta_front.psd', { sku: 'NF-WV-1002', colorway: 'terracotta', view: 'front' }],
    ['northfold_nf-wv-1002_terracotta_back_master_1024x1536.tif', { sku: 'NF-WV-1002', colorway: 'terracotta', view: 'back' }],
    ['NF-DN-2001 Mid wash detail copy.psd', { sku: 'NF-DN-2001', colorway: 'mid-wash', view: 'detail' }],
    ['NF-WV-10012_final.psd', { sku: 'NF-WV-10012', colorway: null, view: null }],
  ])('%s', (title, want) => {
    expect(parseDocumentName(title, lock, skus)).toMatchObject(want);
  });

  it('finds no SKU in a camera file name', () => {
    expect(parseDocumentName('IMG_2231.psd', lock, skus).sku).toBeNull();
    expect(parseDocumentName('Untitled-1', lock).sku).toBeNull();
  });
});

describe('the document identity', () => {
  it('fills colourway and category from the brief row of the SKU in the name, and resolves its swatch', () => {
    const id = identifyDocument({ title: 'NF-WV-1002_front.psd', xmp: {} }, lock, brief);
    expect(id).toMatchObject({ sku: 'NF-WV-1002', colorway: 'Terracotta', view: 'front', category: 'wovens', from: 'name' });
    const swatch = targetSwatchFor(id, lock, categoryFor(id, lock)!)!;
    expect(swatch).toMatchObject({ swatchId: 'terracotta', hex: '#c0603f' });
  });

  it('believes the XMP over the file name, and the retoucher over both', () => {
    const xmp = { sku: 'NF-WV-1001', colorway: 'Chalk', category: 'wovens' };
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief)).toMatchObject({ sku: 'NF-WV-1001', colorway: 'Chalk', from: 'xmp' });
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief, 'NF-DN-2001')).toMatchObject({ sku: 'NF-DN-2001', colorway: 'Mid wash', category: 'denim', from: 'chosen' });
  });

  it('says when the file name names another SKU than the metadata, and not when they agree', () => {
    const xmp = { sku: 'NF-WV-1001', colorway: 'Chalk', category: 'wovens' };
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief)).toMatchObject({ sku: 'NF-WV-1001', nameSays: 'NF-WV-1002' });
    expect(identifyDocument({ title: 'nf-wv-1001_chalk_front.psd', xmp }, lock, brief).nameSays).toBeNull();
    expect(identifyDocument({ title: 'IMG_2231.psd', xmp }, lock, brief).nameSays).toBeNull();
    // Chosen by the retoucher: the choice stands, nothing to warn about.
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief, 'NF-WV-1002').nameSays).toBeNull();
  });

  it('knows nothing about a camera file, so the panel must ask', () => {
    const id = identifyDocument({ title: 'IMG_2231.psd', xmp: {} }, lock, brief);
    expect(id).toMatchObject({ sku: null, colorway: null, category: null, from: null });
  });

  it('judges a SKU outside the brief by the palette swatch its name gives', () => {
    const id = identifyDocument({ title: 'NF-KN-9000_sage_front.psd', xmp: {} }, lock, brief);
    expect(id).toMatchObject({ sku: 'NF-KN-9000', colorway: 'sage', row: null });
    expect(targetSwatchFor(id, lock, lock.categories[0])).toMatchObject({ swatchId: 'sage' });
  });
});
