/**
 * Token changes announce themselves: an update or delete of a token row (a revocation, by the API, the
 * CLI or an operator in psql) sends its id on `brandlock_token_changes` when the transaction commits,
 * so every server process can drop what it remembered about that token at once.
 */
export const tokenChanges = {
  version: 92,
  name: 'token-changes',
  // Function bodies stay on one line: migrations are split into statements at semicolons ending a line.
  sql: `CREATE OR REPLACE FUNCTION brandlock_token_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('brandlock_token_changes', OLD.id); RETURN NULL; END $$;
CREATE TRIGGER tokens_change_notify AFTER UPDATE OF role, secret_hash, revoked_at OR DELETE ON tokens FOR EACH ROW EXECUTE FUNCTION brandlock_token_change_notify();`,
};
