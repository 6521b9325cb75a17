// Which SKU an open master is: from its XMP, its file name, or the retoucher's choice, with the
// colourway, view and category filled from the brief's row, and the swatch QC judges it against.
import { describe, expect, it } from 'vitest';
import { sampleLock } from '../../../test/support/sample-lock';
import type { CurrentBrief } from '../../ports/brandlock-server';
import { categoryFor, identifyDocument, targetSwatchFor } from './document-identity';
import { unstatedViewReason, viewChoices } from './document-view';
import { parseDocumentName } from './parse-document-name';

const { lock } = sampleLock();
const row = (sku: string, colorway: string, category: string, swatch: string, views = ['front']) => ({
  sku, colorway, category, swatch: { input: swatch, hex: null, name: colorway }, status: 'planned', views: views.map((v) => ({ view: v, viewName: v, status: 'planned' })),
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
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief, { sku: 'NF-DN-2001' })).toMatchObject({ sku: 'NF-DN-2001', colorway: 'Mid wash', category: 'denim', from: 'chosen' });
  });

  it('says when the file name names another SKU than the metadata, and not when they agree', () => {
    const xmp = { sku: 'NF-WV-1001', colorway: 'Chalk', category: 'wovens' };
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief)).toMatchObject({ sku: 'NF-WV-1001', nameSays: 'NF-WV-1002' });
    expect(identifyDocument({ title: 'nf-wv-1001_chalk_front.psd', xmp }, lock, brief).nameSays).toBeNull();
    expect(identifyDocument({ title: 'IMG_2231.psd', xmp }, lock, brief).nameSays).toBeNull();
    // Chosen by the retoucher: the choice stands, nothing to warn about.
    expect(identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp }, lock, brief, { sku: 'NF-WV-1002' }).nameSays).toBeNull();
  });

  it('takes the brief row of the colourway the master is, when the SKU is briefed in several', () => {
    // One style in two colourways: each row has its own swatch, and QC judges colour against it.
    const two: CurrentBrief = { ...brief, skus: [row('NF-WV-1002', 'Chalk', 'wovens', 'chalk'), row('NF-WV-1002', 'Terracotta', 'wovens', 'terracotta')] };
    const named = identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp: {} }, lock, two);
    expect([named.row?.colorway, named.colorway]).toEqual(['Terracotta', 'terracotta']);
    expect(targetSwatchFor(named, lock, categoryFor(named, lock)!)).toMatchObject({ swatchId: 'terracotta' });
    const fromXmp = identifyDocument({ title: 'NF-WV-1002.psd', xmp: { sku: 'NF-WV-1002', colorway: 'Terracotta' } }, lock, two);
    expect(fromXmp.row?.colorway).toBe('Terracotta');
    // Chosen from the brief's list: SKU and colourway together.
    expect(identifyDocument({ title: 'IMG_2231.psd', xmp: {} }, lock, two, { sku: 'NF-WV-1002', colorway: 'Terracotta' }).row?.colorway).toBe('Terracotta');
    // Nothing says which colourway: no row is taken for it, so no swatch, and the panel asks.
    const unsaid = identifyDocument({ title: 'NF-WV-1002_front.psd', xmp: {} }, lock, two);
    expect([unsaid.sku, unsaid.row, unsaid.colorway]).toEqual(['NF-WV-1002', null, null]);
    expect(unsaid.colorways).toEqual(['Chalk', 'Terracotta']);
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

describe('the view of the document', () => {
  // NF-1001 is shot front and back; NF-1002 only front; the wovens pose set has front, back, side and detail.
  const views: CurrentBrief = { id: 'b2', name: 'SS27', skus: [row('NF-1001', 'Black', 'wovens', 'ink', ['front', 'back']), row('NF-1002', 'Chalk', 'wovens', 'chalk')] };

  it('takes the view from the XMP, else the file name, and the retoucher over both, saying where it came from', () => {
    expect(identifyDocument({ title: 'NF-1001_black_back.psd', xmp: {} }, lock, views)).toMatchObject({ view: 'back', viewFrom: 'name' });
    expect(identifyDocument({ title: 'NF-1001_black_back.psd', xmp: { view: 'front' } }, lock, views)).toMatchObject({ view: 'front', viewFrom: 'xmp' });
    expect(identifyDocument({ title: 'NF-1001_black_front.psd', xmp: { view: 'front' } }, lock, views, { view: 'back' })).toMatchObject({ sku: 'NF-1001', view: 'back', viewFrom: 'chosen' });
  });

  it('does not guess the view of a master whose name and metadata do not say it when the SKU has several', () => {
    const id = identifyDocument({ title: 'NF-1001_black.psd', xmp: {} }, lock, views);
    expect(id).toMatchObject({ sku: 'NF-1001', view: null, viewFrom: null, views: ['front', 'back'] });
    expect(unstatedViewReason(id)).toBe('Its name and metadata do not say which view it is, and NF-1001 has front and back.');
  });

  it("uses the SKU's only view, and says that is where it came from", () => {
    const id = identifyDocument({ title: 'NF-1002_chalk.psd', xmp: {} }, lock, views);
    expect(id).toMatchObject({ view: 'front', viewFrom: 'only', views: ['front'] });
    expect(unstatedViewReason(id)).toBeNull();
  });

  it("judges a SKU outside the brief by its category's pose set", () => {
    const id = identifyDocument({ title: 'NF-KN-9000_sage.psd', xmp: { category: 'wovens' } }, lock, views);
    expect(id).toMatchObject({ view: null, viewFrom: null, views: ['front', 'back', 'side', 'detail'] });
    expect(unstatedViewReason(id)).toBe('Its name and metadata do not say which view it is, and NF-KN-9000 has front, back, side and detail.');
  });

  it("offers the brief row's views first, then the rest of the category's pose set, by the lock's names", () => {
    const id = identifyDocument({ title: 'NF-1001_black.psd', xmp: {} }, lock, { ...views, skus: [row('NF-1001', 'Black', 'wovens', 'ink', ['back', 'front'])] });
    expect(viewChoices(id, lock)).toEqual([
      { value: 'back', label: 'Back' }, { value: 'front', label: 'Front' }, { value: 'side', label: 'Side' }, { value: 'detail', label: 'Detail' },
    ]);
  });

  it('keeps a chosen view when the retoucher also chooses the SKU', () => {
    expect(identifyDocument({ title: 'IMG_2231.psd', xmp: {} }, lock, views, { sku: 'NF-1001', view: 'back' })).toMatchObject({ sku: 'NF-1001', view: 'back', viewFrom: 'chosen', from: 'chosen' });
  });
});
