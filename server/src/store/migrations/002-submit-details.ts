/**
 * What an adapter reports when it submits a job: the seed it sent (drawn by the adapter when the
 * recipe's seed policy is random, and not every provider echoes it back) and what it could not send
 * as asked. Both belong in the audit trail of every image the job makes.
 */
export const submitDetails = {
  version: 2,
  name: 'submit-details',
  sql: `ALTER TABLE jobs ADD COLUMN submit_details jsonb;`,
};
