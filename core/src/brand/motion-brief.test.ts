// The motion brief and video channels in the lock as a brand manager writes them: seed defaults for
// every seed category, partial overrides, "video": null, and the errors `lock check` prints, each
// with its JSON path, what was found and what was expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from './load-brand-lock';
import { diffLocks } from './diff-locks';
import { formatLockIssue } from './lock-issue';
import { SEED_CATEGORY_IDS } from './seed-categories';

const sampleText = readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8');
const sample = () => JSON.parse(sampleText);

function load(mutate: (doc: any) => void = () => {}) {
  const doc = sample();
  mutate(doc);
  return loadBrandLock(doc);
}
function lockOf(mutate?: (doc: any) => void) {
  const res = load(mutate);
  if (!res.success) throw new Error(res.issues.map(formatLockIssue).join('\n'));
  return res.lock;
}
function issuesOf(mutate: (doc: any) => void) {
  const res = load(mutate);
  if (res.success) throw new Error('expected the lock to fail');
  return res.issues;
}

describe('motion brief in the lock', () => {
  it('gives every seed category a motion brief and merges what a category writes on top', () => {
    const lock = lockOf((d) => {
      d.categories = SEED_CATEGORY_IDS.map((base) => ({ id: base, name: base, base, lighting: 'studio-warm', lut: null, models: ['ava'], poseSet: 'apparel-standard' }));
    });
    for (const c of lock.categories) {
      expect(c.video, c.id).not.toBeNull();
      expect(c.video!.durationSeconds).toBeGreaterThanOrEqual(2);
      expect(c.video!.promptTemplate).toContain('{fabricMovement}');
    }
    const sheers = lock.categories.find((c) => c.id === 'sheers')!.video!;
    const denim = lock.categories.find((c) => c.id === 'denim')!.video!;
    // flowing sheers change outline from frame to frame; stiff denim must not
    expect(sheers.qc.stability.maxShapeChange).toBeGreaterThan(denim.qc.stability.maxShapeChange);
    expect(sheers.fabric.movement).toBe('flowing');
    expect(denim.fabric.movement).toBe('subtle');

    const jersey = lockOf().categories.find((c) => c.id === 'jersey')!.video!;
    expect(jersey).toMatchObject({ durationSeconds: 5, camera: { path: 'push-in', amount: 0.08 }, aspectRatios: ['4:5', '9:16', '1:1'], loop: true });
    expect(jersey.fabric.movement).toBe('soft'); // from the seed, under a partial override
  });

  it('has no video for a category that says "video": null or has neither seed nor brief', () => {
    const lock = lockOf((d) => {
      d.categories.find((c: any) => c.id === 'leather').video = null;
    });
    expect(lock.categories.find((c) => c.id === 'leather')!.video).toBeNull();
    expect(lock.categories.find((c) => c.id === 'basics-packshot')!.video).toBeNull();
  });

  it('resolves video channels from presets with overrides', () => {
    const lock = lockOf();
    expect(lock.videoChannels.map((c) => c.id)).toEqual(['pdp-loop', 'reels', 'tiktok', 'square-loop']);
    expect(lock.videoChannels.find((c) => c.id === 'pdp-loop')).toMatchObject({ width: 1080, height: 1350, codec: 'h264', loop: true, maxBitrateKbps: 6000 });
    expect(lock.videoChannels.find((c) => c.id === 'tiktok')).toMatchObject({ minSeconds: 5, minBitrateKbps: 516, markets: ['DE', 'FR', 'GB', 'US'] });
    expect(lock.videoChannels.find((c) => c.id === 'square-loop')!.maxBytes).toBe(4_000_000);
  });

  it('names the field, what was found and what was expected for bad motion briefs and video channels', () => {
    const issues = issuesOf((d) => {
      const jersey = d.categories.find((c: any) => c.id === 'jersey');
      jersey.video = { durationSeconds: 40, camera: { path: 'dolly-zoom' }, aspectRatios: ['4:5', '21:9'], promptTemplate: 'a {colour} loop', qc: { flicker: { maxExposureEv: -1 } } };
      d.videoChannels.push({ id: 'pdp-loop-odd', preset: 'pdp-loop-4x5', width: 1081 });
      d.videoChannels.push({ id: 'pdp-4x5', preset: 'pdp-loop-4x5' });
      d.videoChannels.push({ id: 'snap', preset: 'snapchat-9x16' });
    });
    const text = issues.map(formatLockIssue).join('\n');
    expect(text).toContain('categories[2].video.durationSeconds: too large (found 40; expected at most 15)');
    expect(text).toContain('categories[2].video.qc.flicker.maxExposureEv: too small (found -1; expected more than 0)');
    expect(text).not.toContain('expected expected');
    expect(text).toMatch(/categories\[2\]\.video\.camera\.path: .*"dolly-zoom"/);
    expect(text).toMatch(/categories\[2\]\.video\.promptTemplate: unknown placeholder \{colour\}/);
    expect(text).toMatch(/categories\[2\]\.video\.qc\.flicker\.maxExposureEv/);
    expect(text).toMatch(/videoChannels\[4\]\.width: expected an even number/);
    expect(text).toMatch(/videoChannels\[6\]\.preset: no built-in video channel preset with id "snapchat-9x16"/);

    const ratio = issuesOf((d) => {
      d.categories.find((c: any) => c.id === 'jersey').video.aspectRatios = ['4:5', '21:9'];
    });
    expect(ratio).toHaveLength(1);
    expect(ratio[0]).toMatchObject({ path: 'categories[2].video.aspectRatios[1]', found: '"21:9"' });
    expect(ratio[0].message).toBe('category jersey delivers 21:9 loops but no video channel has that aspect ratio');

    const clash = issuesOf((d) => d.videoChannels.push({ id: 'pdp-4x5', preset: 'pdp-loop-4x5' }));
    expect(clash.map(formatLockIssue)).toEqual([expect.stringMatching(/^videoChannels\[4\]\.id: video channel id "pdp-4x5" is also a still channel's id/)]);
  });

  it('accepts a lock without video channels (no category asks for an aspect ratio)', () => {
    const lock = lockOf((d) => {
      delete d.videoChannels;
      delete d.categories.find((c: any) => c.id === 'jersey').video.aspectRatios;
    });
    expect(lock.videoChannels).toEqual([]);
  });

  it('describes motion brief and video channel changes in words', () => {
    const text = diffLocks(
      lockOf(),
      lockOf((d) => {
        const jersey = d.categories.find((c: any) => c.id === 'jersey');
        jersey.video.durationSeconds = 8;
        jersey.video.camera.path = 'orbit-left';
        d.categories.find((c: any) => c.id === 'leather').video = null;
        d.videoChannels.find((c: any) => c.id === 'pdp-loop').maxBitrateKbps = 4000;
      }),
    ).map((c) => c.description);
    expect(text).toContain('Category "Jersey tops" (jersey): video duration (s) changed from 5 to 8');
    expect(text).toContain('Category "Jersey tops" (jersey): video camera path changed from "push-in" to "orbit-left"');
    expect(text).toContain('Video channel "PDP loop 4:5" (pdp-loop): max bitrate (kbps) changed from 6000 to 4000');
    expect(text.find((t) => t.startsWith('Category "Leather" (leather): video'))).toMatch(/to null/);
  });
});
