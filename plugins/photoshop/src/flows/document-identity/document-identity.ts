/**
 * Which SKU an open master is, and so which swatch QC and Cleanup judge it against: first what the
 * document's own XMP says (brandlock writes the SKU there with every QC verdict and generated layer),
 * then the file name; colourway, view and category from the same place, else from the brief's row
 * for that SKU. When none of that names a SKU, the panel asks the retoucher, who never gets a silent
 * "skip colour accuracy".
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import { resolveSwatch, type TargetSwatch } from '@brandlock/core/brief';
import { swatchFromPalette } from '@brandlock/core/qc';
import type { BriefSku, CurrentBrief } from '../../ports/brandlock-server';
import type { XmpProperties } from '../../xmp/brandlock-xmp';
import { parseDocumentName } from './parse-document-name';

export type IdentitySource = 'xmp' | 'name' | 'chosen';

export interface DocumentIdentity {
  sku: string | null;
  colorway: string | null;
  view: string | null;
  category: string | null;
  /** The brief's row for this SKU, when the current brief has it. */
  row: BriefSku | null;
  /** Where the SKU came from, for the panel to say. */
  from: IdentitySource | null;
  /**
   * The SKU the file name says when the metadata says another (a master saved under another SKU's
   * name, or renamed after QC): brandlock goes by the metadata, and says so rather than pick silently.
   */
  nameSays: string | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * @example identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp: {} }, lock, brief).sku // 'NF-WV-1002'
 */
export function identifyDocument(doc: { title: string; xmp: XmpProperties }, lock: BrandLock, brief: CurrentBrief | null, chosenSku?: string | null): DocumentIdentity {
  const skus = brief?.skus.map((s) => s.sku) ?? [];
  const name = parseDocumentName(doc.title, lock, skus);
  const xmp = doc.xmp;
  const sku = chosenSku || xmp.sku || name.sku;
  const from: IdentitySource | null = chosenSku ? 'chosen' : xmp.sku ? 'xmp' : name.sku ? 'name' : null;
  const row = sku ? (brief?.skus.find((s) => same(s.sku, sku)) ?? null) : null;
  const sameSku = !chosenSku || (xmp.sku ? same(xmp.sku, chosenSku) : name.sku ? same(name.sku, chosenSku) : false);
  const pick = (fromXmp: string | undefined, fromName: string | null, fromRow: string | null | undefined) =>
    (sameSku ? fromXmp || fromName : null) || fromRow || null;
  return {
    sku: row?.sku ?? sku ?? null,
    colorway: pick(xmp.colorway, name.colorway, row?.colorway),
    view: pick(xmp.view, name.view, row?.views[0]?.view),
    category: pick(xmp.category, name.category, row?.category),
    row,
    from,
    nameSays: from === 'xmp' && name.sku && !same(name.sku, xmp.sku!) ? name.sku : null,
  };
}

/**
 * The swatch to judge colour against: the brief row's swatch (a palette id, hex or lab), else the
 * palette swatch the colourway names; null when neither resolves (the panel then asks).
 */
export function targetSwatchFor(identity: DocumentIdentity, lock: BrandLock, category: Category): TargetSwatch | null {
  if (identity.row) {
    const fromRow = resolveSwatch(identity.row.swatch.input, lock.palette, category.qc.maxDeltaE00, identity.row.colorway);
    if (fromRow.success) return fromRow.swatch;
  }
  return identity.colorway ? swatchFromPalette(lock, identity.colorway, category) : null;
}

/** The lock category the identity names, or null. */
export function categoryFor(identity: DocumentIdentity, lock: BrandLock): Category | null {
  return lock.categories.find((c) => c.id === identity.category) ?? null;
}
