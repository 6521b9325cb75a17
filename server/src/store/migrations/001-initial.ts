/** The first schema: tokens, lock versions, briefs and their plans, blobs, jobs, assets, review, audit. */
export const initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE locks (
  hash text PRIMARY KEY,
  number integer NOT NULL UNIQUE,
  brand_id text NOT NULL,
  brand_name text NOT NULL,
  version text NOT NULL,
  season text NOT NULL,
  document jsonb NOT NULL,
  resolved jsonb NOT NULL,
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (brand_id, version)
);

CREATE TABLE briefs (
  id text PRIMARY KEY,
  name text NOT NULL,
  lock_hash text NOT NULL REFERENCES locks(hash),
  format text NOT NULL,
  rows_read integer NOT NULL,
  issues jsonb NOT NULL,
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE planned_jobs (
  brief_id text NOT NULL REFERENCES briefs(id),
  id text NOT NULL,
  seq integer NOT NULL,
  row integer NOT NULL,
  sku text NOT NULL,
  colorway text NOT NULL,
  view text NOT NULL,
  plan jsonb NOT NULL,
  PRIMARY KEY (brief_id, id)
);
CREATE INDEX planned_jobs_sku ON planned_jobs (brief_id, sku);

CREATE TABLE blobs (
  sha256 text PRIMARY KEY,
  content_type text NOT NULL,
  format text,
  bytes integer NOT NULL,
  width integer,
  height integer,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  state text NOT NULL,
  stage text NOT NULL,
  progress real,
  provider text NOT NULL,
  provider_job_id text,
  lock_hash text NOT NULL REFERENCES locks(hash),
  brief_id text,
  planned_job_id text,
  row integer,
  sku text,
  colorway text,
  category text,
  view text,
  recipe jsonb NOT NULL,
  recipe_hash text NOT NULL,
  human_review text NOT NULL,
  qc_thresholds jsonb,
  count integer NOT NULL,
  seed_variation integer NOT NULL,
  sources jsonb NOT NULL,
  channels jsonb NOT NULL,
  params jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  submissions integer NOT NULL DEFAULT 0,
  polls integer NOT NULL DEFAULT 0,
  provider_history jsonb NOT NULL DEFAULT '[]',
  step_id text,
  next_step_at timestamptz,
  lease_owner text,
  lease_until timestamptz,
  error jsonb,
  note text,
  model text,
  model_version text,
  cost_usd double precision,
  cancel_requested boolean NOT NULL DEFAULT false,
  requested_by text NOT NULL,
  token_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_provider_job ON jobs (provider, provider_job_id) WHERE provider_job_id IS NOT NULL;
CREATE INDEX jobs_open ON jobs (provider, state) WHERE state NOT IN ('succeeded', 'failed', 'canceled');
CREATE INDEX jobs_created ON jobs (created_at DESC, id DESC);
CREATE INDEX jobs_sku ON jobs (sku);
CREATE INDEX jobs_planned ON jobs (brief_id, planned_job_id);

CREATE TABLE idempotency_keys (
  token_id text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  job_id text NOT NULL REFERENCES jobs(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (token_id, key)
);

CREATE TABLE job_events (
  id serial PRIMARY KEY,
  job_id text NOT NULL REFERENCES jobs(id),
  at timestamptz NOT NULL DEFAULT now(),
  state text NOT NULL,
  stage text NOT NULL,
  message text NOT NULL DEFAULT ''
);
CREATE INDEX job_events_job ON job_events (job_id, id);

CREATE TABLE assets (
  id text PRIMARY KEY,
  job_id text NOT NULL REFERENCES jobs(id),
  idx integer NOT NULL,
  sha256 text NOT NULL REFERENCES blobs(sha256),
  channel text,
  sku text,
  category text,
  verdict text NOT NULL,
  review_status text NOT NULL,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (job_id, idx)
);
CREATE INDEX assets_review ON assets (review_status, created_at, id);
CREATE INDEX assets_sku ON assets (sku, created_at);
CREATE INDEX assets_created ON assets (created_at, id);

CREATE TABLE review_decisions (
  id serial PRIMARY KEY,
  asset_id text NOT NULL REFERENCES assets(id),
  decision text NOT NULL,
  layer text NOT NULL,
  reviewer text NOT NULL,
  role text NOT NULL,
  reason text NOT NULL,
  token_id text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_decisions_asset ON review_decisions (asset_id, at);

CREATE TABLE audit_events (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  token_id text,
  action text NOT NULL,
  subject text NOT NULL,
  detail jsonb NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_action ON audit_events (action, at);

CREATE TABLE webhook_deliveries (
  provider text NOT NULL,
  delivery_id text NOT NULL,
  provider_job_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, delivery_id)
);
`,
};
