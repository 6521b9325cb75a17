/**
 * One shared change feed for job event streams: every job event row announces its job id on the
 * `brandlock_job_events` channel (Postgres NOTIFY, delivered when the transaction commits, to every
 * server process listening on the database, PGlite included). Streams wait on it instead of each
 * polling the database.
 */
export const jobEventFeed = {
  version: 3,
  name: 'job-event-feed',
  // Function bodies stay on one line: migrations are split into statements at semicolons ending a line.
  sql: `CREATE OR REPLACE FUNCTION brandlock_job_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('brandlock_job_events', NEW.job_id); RETURN NULL; END $$;
CREATE TRIGGER job_events_notify AFTER INSERT ON job_events FOR EACH ROW EXECUTE FUNCTION brandlock_job_event_notify();`,
};
