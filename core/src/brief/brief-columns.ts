/**
 * The columns of a season brief, with what each holds. Headers are matched loosely (case, spaces,
 * `_` and `-` ignored), so "Fabric weight", "fabric_weight" and "fabricWeight" are the same column.
 */

export interface BriefColumn {
  name: string;
  required: boolean;
  description: string;
  example: string;
}

export const BRIEF_COLUMNS: readonly BriefColumn[] = [
  { name: 'sku', required: true, description: 'Product code; printable characters, at most 64', example: 'NF-WV-1001' },
  { name: 'colorway', required: true, description: 'Colourway name as merchandising writes it', example: 'Ink' },
  { name: 'category', required: true, description: "Id of one of the lock's garment categories", example: 'wovens' },
  { name: 'fabric', required: true, description: 'Fabric and composition', example: 'organic cotton poplin' },
  { name: 'fabric_weight', required: false, description: 'Weight in g/m² ("180", "180 gsm"), oz/yd² for denim ("12 oz"), gauge for knits ("12 gauge"), thickness for leather ("0.8 mm")', example: '120 gsm' },
  { name: 'silhouette', required: true, description: 'Cut and fit', example: 'relaxed shirt' },
  { name: 'swatch', required: true, description: 'Target colour: a palette swatch id, an sRGB hex, or lab(L a b) in D65', example: 'ink' },
  { name: 'source_images', required: false, description: 'Flat-lays or packshots, relative to the brief file; several separated by ";"', example: 'photos/nf-sh-1001-flat.jpg' },
  { name: 'channels', required: false, description: "Channel ids separated by \";\" or \",\"; empty means the category's channels", example: 'pdp-2x3;ig-portrait' },
  { name: 'markets', required: false, description: 'ISO 3166 market codes separated by ";" or ","; empty means all markets', example: 'DE;FR' },
  { name: 'views', required: false, description: "View ids from the category's pose set; empty means its required views", example: 'front;back' },
  { name: 'model', required: false, description: "Model profile id; empty lets the plan pick one of the category's models", example: 'ava' },
  { name: 'video_views', required: false, description: 'Views whose approved still becomes a product video loop (the category\'s motion brief), separated by ";"; empty means no video', example: 'front' },
  { name: 'notes', required: false, description: 'Free text for the prompt {notes} and the retoucher', example: 'matte buttons' },
];

export const BRIEF_COLUMN_NAMES = BRIEF_COLUMNS.map((c) => c.name);

/** Normalises a header for matching: lower case, letters and digits only. */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byNormalised = new Map(BRIEF_COLUMNS.map((c) => [normaliseHeader(c.name), c.name]));
byNormalised.set('colour', 'colorway');
byNormalised.set('colourway', 'colorway');
byNormalised.set('weight', 'fabric_weight');
byNormalised.set('images', 'source_images');
byNormalised.set('sourceimage', 'source_images');
byNormalised.set('video', 'video_views');
byNormalised.set('videoview', 'video_views');

/** The canonical column for a header, or null when it is not a brief column. */
export function canonicalColumn(header: string): string | null {
  return byNormalised.get(normaliseHeader(header)) ?? null;
}
