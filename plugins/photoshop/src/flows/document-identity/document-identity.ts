/**
 * Which SKU an open master is, and so which swatch QC and Cleanup judge it against: first what the
 * document's own XMP says (brandlock writes the SKU there with every QC verdict and generated layer),
 * then the file name; colourway and category from the same place, else from the brief's row for that
 * SKU. When none of that names a SKU, the panel asks the retoucher, who never gets a silent "skip
 * colour accuracy". The view is never taken from the brief's row: a back master named by the SKU
 * alone would be delivered under the front's file names (see document-view.ts).
 */
import type { BrandLock, Category } from '@brandlock/core/brand';
import { resolveSwatch, type TargetSwatch } from '@brandlock/core/brief';
import { swatchFromPalette } from '@brandlock/core/qc';
import type { BriefSku, CurrentBrief } from '../../ports/brandlock-server';
import type { XmpProperties } from '../../xmp/brandlock-xmp';
import { parseDocumentName, slug } from './parse-document-name';
import { viewsOfSku } from './document-view';

export type IdentitySource = 'xmp' | 'name' | 'chosen';
/** 'only': nothing states the view, and the SKU has only one. */
export type ViewSource = IdentitySource | 'only';

/** What the retoucher said about the document: its SKU (or swatch and category), its view. */
export type IdentityChoice = Partial<Record<'sku' | 'colorway' | 'view' | 'category', string>>;

export interface DocumentIdentity {
  sku: string | null;
  colorway: string | null;
  view: string | null;
  category: string | null;
  /** The brief's row for this SKU, when the current brief has it. */
  row: BriefSku | null;
  /** Where the SKU came from, for the panel to say. */
  from: IdentitySource | null;
  /** Where the view came from; null when nothing states it and the SKU has several (Export asks). */
  viewFrom: ViewSource | null;
  /** The views the SKU is shot in: its brief row's, else its category's pose set's. */
  views: string[];
  /** The colourways the brief has this SKU in; more than one and none stated means no row (the panel asks). */
  colorways: string[];
  /**
   * The SKU the file name says when the metadata says another (a master saved under another SKU's
   * name, or renamed after QC): brandlock goes by the metadata, and says so rather than pick silently.
   */
  nameSays: string | null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A brief row is in this colourway when its colourway, swatch or swatch name says it ("Mid wash" = mid-wash). */
function inColorway(row: BriefSku, colorway: string): boolean {
  const want = slug(colorway);
  return [row.colorway, row.swatch.input, row.swatch.name].some((c) => Boolean(c) && slug(c) === want);
}

/**
 * The brief row for the SKU: its only one, or, when the brief has the SKU in several colourways
 * (one style, each colourway its own row and swatch), the row of the colourway stated; none when no
 * colourway is stated or none matches, rather than the first row's swatch for a master of another.
 */
function rowFor(rows: BriefSku[], colorway: string | null): BriefSku | null {
  if (rows.length <= 1) return rows[0] ?? null;
  return colorway ? (rows.find((r) => inColorway(r, colorway)) ?? null) : null;
}

/**
 * @example identifyDocument({ title: 'NF-WV-1002_terracotta_front.psd', xmp: {} }, lock, brief).sku // 'NF-WV-1002'
 */
export function identifyDocument(doc: { title: string; xmp: XmpProperties }, lock: BrandLock, brief: CurrentBrief | null, chosen: IdentityChoice = {}): DocumentIdentity {
  const skus = brief?.skus.map((s) => s.sku) ?? [];
  const name = parseDocumentName(doc.title, lock, skus);
  const xmp = doc.xmp;
  const chosenSku = chosen.sku;
  const sku = chosenSku || xmp.sku || name.sku;
  const from: IdentitySource | null = chosenSku ? 'chosen' : xmp.sku ? 'xmp' : name.sku ? 'name' : null;
  const sameSku = !chosenSku || (xmp.sku ? same(xmp.sku, chosenSku) : name.sku ? same(name.sku, chosenSku) : false);
  const rows = sku ? (brief?.skus.filter((s) => same(s.sku, sku)) ?? []) : [];
  const row = rowFor(rows, chosen.colorway || (sameSku ? xmp.colorway || name.colorway : null) || null);
  const pick = (fromXmp: string | undefined, fromName: string | null, fromRow: string | null | undefined) =>
    (sameSku ? fromXmp || fromName : null) || fromRow || null;
  const category = chosen.category || pick(xmp.category, name.category, row?.category);
  const views = viewsOfSku(row, lock.categories.find((c) => c.id === category) ?? null, lock);
  const stated: [string, ViewSource] | null = chosen.view
    ? [chosen.view, 'chosen']
    : sameSku && xmp.view
      ? [xmp.view, 'xmp']
      : sameSku && name.view
        ? [name.view, 'name']
        : views.length === 1
          ? [views[0], 'only']
          : null;
  return {
    sku: row?.sku ?? sku ?? null,
    colorway: chosen.colorway || pick(xmp.colorway, name.colorway, row?.colorway),
    view: stated?.[0] ?? null,
    category,
    row,
    from,
    viewFrom: stated?.[1] ?? null,
    views,
    colorways: rows.map((r) => r.colorway),
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
