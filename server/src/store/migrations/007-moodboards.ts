/**
 * Moodboards as boards of cells (each cell one job, listed in order with what it varies), their
 * idempotency keys, and the files a lock names by path (model reference images) stored on the server.
 */
export const moodboards = {
  version: 7,
  name: 'moodboards',
  sql: `
CREATE TABLE lock_files (
  lock_hash text NOT NULL REFERENCES locks(hash),
  path text NOT NULL,
  sha256 text NOT NULL REFERENCES blobs(sha256),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (lock_hash, path)
);

CREATE TABLE moodboards (
  id text PRIMARY KEY,
  lock_hash text NOT NULL REFERENCES locks(hash),
  provider text NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  request jsonb NOT NULL,
  constants jsonb NOT NULL,
  note text,
  image_width integer NOT NULL,
  image_height integer NOT NULL,
  cells jsonb NOT NULL,
  requested_by text NOT NULL,
  token_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE moodboard_idempotency (
  token_id text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  moodboard_id text NOT NULL REFERENCES moodboards(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (token_id, key)
);
`,
};
