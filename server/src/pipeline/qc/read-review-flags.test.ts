import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReviewFlags } from './read-review-flags';

describe('readReviewFlags', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brandlock-flags-'));
  const image = join(dir, 'shot.jpg');

  it('reads no sidecar as no flags, and fills in the defaults', async () => {
    expect(await readReviewFlags(image)).toEqual({ success: true, flags: [] });
    writeFileSync(`${image}.flags.json`, JSON.stringify([{ by: 'fal flux-dev', source: 'provider', reason: 'NSFW filter tripped' }]));
    expect(await readReviewFlags(image)).toEqual({ success: true, flags: [{ by: 'fal flux-dev', source: 'provider', reason: 'NSFW filter tripped', severity: 'flag' }] });
  });

  it('names the flag and field that is wrong instead of dropping it', async () => {
    writeFileSync(`${image}.flags.json`, JSON.stringify([{ by: 'ana', reason: 'ok' }, { by: 'ana', reason: 'cuff', severity: 'urgent' }]));
    const res = await readReviewFlags(image);
    expect(res.success).toBe(false);
    expect(!res.success && res.message).toMatch(/shot\.jpg\.flags\.json: flag 2, field "severity"/);
    writeFileSync(`${image}.flags.json`, '[{');
    expect(await readReviewFlags(image)).toMatchObject({ success: false, message: expect.stringMatching(/invalid JSON/) });
  });
});
