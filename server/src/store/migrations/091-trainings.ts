/** LoRA trainings the server runs: what was asked, the provider's job id (stored before waiting) and the result. */
export const trainings = {
  version: 91,
  name: 'trainings',
  sql: `
CREATE TABLE trainings (
  id text PRIMARY KEY,
  provider text NOT NULL,
  model_profile text NOT NULL,
  trigger_word text NOT NULL,
  steps integer NOT NULL,
  images text[] NOT NULL,
  state text NOT NULL,
  provider_job_id text,
  zip_sha256 text,
  result jsonb,
  error text,
  requested_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
};
