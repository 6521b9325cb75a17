/**
 * Leases on job rows: a step works on a job only while it holds the lease, so a step the queue retries
 * while the first one still runs (or a webhook arriving meanwhile) waits instead of doing the work twice.
 * A lease runs out on its own after the step time limit, so a dead process never blocks a job for good.
 */
import type { Queryable } from '../store/database';
import type { JobRow } from '../store/jobs';

/** Takes the lease on an open job; null when the job is terminal or someone else holds it. */
export async function acquireJobLease(db: Queryable, jobId: string, owner: string, seconds: number): Promise<JobRow | null> {
  const rows = await db.query<JobRow>(
    `UPDATE jobs SET lease_owner = $2, lease_until = now() + make_interval(secs => $3)
     WHERE id = $1 AND state NOT IN ('succeeded', 'failed', 'canceled') AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $2)
     RETURNING *`,
    [jobId, owner, seconds],
  );
  return rows[0] ?? null;
}

export async function releaseJobLease(db: Queryable, jobId: string, owner: string): Promise<void> {
  await db.query('UPDATE jobs SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [jobId, owner]);
}
