/**
 * The asset library: a brand's existing photos (flat-lays, ghost mannequin, on-model), one row per
 * content hash, with what was measured and estimated about each and the tags people give them.
 */
export const library = {
  version: 90,
  name: 'library',
  sql: `
CREATE TABLE library_assets (
  sha256 text PRIMARY KEY,
  file_name text NOT NULL,
  path text NOT NULL,
  content_type text NOT NULL,
  bytes integer NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  kind text NOT NULL,
  kind_source text NOT NULL,
  kind_reason text NOT NULL,
  category text,
  category_source text,
  sku text,
  facts jsonb NOT NULL,
  usable boolean NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  added_by text NOT NULL,
  added_at timestamptz NOT NULL DEFAULT now(),
  lock_hash text
);
CREATE INDEX library_assets_sku ON library_assets (lower(sku));
CREATE INDEX library_assets_tags ON library_assets USING gin (tags);
`,
};
