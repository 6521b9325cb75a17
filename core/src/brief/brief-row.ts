/** A brief row after parsing: one SKU in one colourway, every cell checked for shape. */

export interface BriefRow {
  /** Spreadsheet row number (header = 1) or JSON index + 1. */
  row: number;
  sku: string;
  colorway: string;
  category: string;
  fabric: string;
  /** Weight in g/m², or null when the brief leaves it empty. */
  fabricWeightGsm: number | null;
  /** The weight as it reads in prompts, e.g. "120 gsm" or "12 oz/yd² (407 gsm)"; '' when empty. */
  fabricWeight: string;
  silhouette: string;
  /** Palette swatch id, sRGB hex, or lab(); resolved against the lock at plan time. */
  swatch: string;
  sourceImages: string[];
  /** Null: the category's channels. */
  channels: string[] | null;
  /** Empty: all markets. */
  markets: string[];
  /** Null: the pose set's required views. */
  views: string[] | null;
  /** Null: the plan picks one of the category's models. */
  model: string | null;
  notes: string;
  /** Views whose approved still becomes a product video loop; null: none. */
  videoViews?: string[] | null;
}

export interface Brief {
  format: 'csv' | 'json';
  /** Canonical names of the columns present. */
  columns: string[];
  rows: BriefRow[];
  /** Rows read, including those skipped for errors. */
  rowCount: number;
}
