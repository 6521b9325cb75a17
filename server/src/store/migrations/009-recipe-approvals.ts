/**
 * Recipe approvals: an art director's sign-off of a category's recipe hash after a pilot pass (or a
 * revocation of it). Append-only; the newest row for a brand, category and hash decides.
 */
export const recipeApprovals = {
  version: 9,
  name: 'recipe-approvals',
  sql: `
CREATE TABLE recipe_approvals (
  id bigserial PRIMARY KEY,
  brand text NOT NULL,
  category text NOT NULL,
  recipe_hash text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('approved', 'revoked')),
  actor text NOT NULL,
  token_id text,
  note text NOT NULL DEFAULT '',
  lock_version text,
  lock_hash text,
  pilot text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recipe_approvals_brand_category ON recipe_approvals (brand, category, at);
`,
};
