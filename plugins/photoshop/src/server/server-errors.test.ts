// The API client's errors as a retoucher reads them.
import { expect, it } from 'vitest';
import { toServerError } from './server-errors';

it('says a request stopped by Cancel the way a Photoshop cancel is said', () => {
  const aborted = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
  // Before: "follow job dadf2914 was cancelled." (the request's verb phrase as a subject, lower case).
  expect(toServerError(aborted, 'http://127.0.0.1:8787', 'follow job dadf2914')).toMatchObject({ code: 'cancelled', message: 'Cancelled: brandlock did not follow job dadf2914.' });
});
