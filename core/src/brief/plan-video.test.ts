// A brief row asking for product video: the loop is planned on the still of that view, with the
// category's motion brief filled for the SKU, a stable seed and the video channels of its aspect
// ratios and markets; a row asking for video that cannot be made names its row and column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBrandLock } from '../brand/load-brand-lock';
import { parseBrief } from './parse-brief';
import { planBrief } from './plan-brief';

const lockDoc = () => JSON.parse(readFileSync(new URL('../../../samples/brand-lock.json', import.meta.url), 'utf8'));
const HEADER = 'sku,colorway,category,fabric,fabric_weight,silhouette,swatch,markets,views,video_views';

function plan(rows: string[], mutate: (doc: any) => void = () => {}) {
  const doc = lockDoc();
  mutate(doc);
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error(JSON.stringify(res.issues));
  const parsed = parseBrief([HEADER, ...rows].join('\n'));
  expect(parsed.issues).toEqual([]);
  return planBrief(parsed.brief, res.lock, res.hash);
}

describe('planning video views', () => {
  it('plans a loop on the front still with the filled motion prompt, a stable seed and every video channel of the brief\'s ratios', () => {
    const p = plan(['NF-JR-3003,Poppy,jersey,heavyweight loopback jersey,340 gsm,oversized hoodie,poppy,,front;back,front']);
    expect(p.issues).toEqual([]);
    const [front, back] = p.jobs;
    expect(back.video ?? null).toBeNull();
    const video = front.video!;
    expect(video.id).toMatch(/^vid_[0-9a-f]{20}$/);
    expect(video.motion).toMatchObject({ durationSeconds: 5, loop: true, camera: { path: 'push-in', amount: 0.08 }, aspectRatios: ['4:5', '9:16', '1:1'] });
    expect(video.motion.prompt).toContain('the Poppy heavyweight loopback jersey oversized hoodie from the first frame');
    expect(video.motion.prompt).toContain('soft fabric movement left to right');
    expect(video.motion.prompt).toContain('slow push-in');
    expect(video.motion.prompt).toContain('seamless loop');
    expect(video.motion.prompt).not.toMatch(/\{\w+\}/);
    expect(video.channels.map((c) => c.id)).toEqual(['pdp-loop', 'reels', 'tiktok', 'square-loop']);
    expect(video.motion.seed).not.toBe(front.recipe.seed);
    expect(plan(['NF-JR-3003,Poppy,jersey,heavyweight loopback jersey,340 gsm,oversized hoodie,poppy,,front;back,front']).jobs[0].video).toEqual(video);
  });

  it('leaves out video channels of other markets and ratios the category does not deliver', () => {
    const nl = plan(['NF-JR-3003,Poppy,jersey,loopback jersey,340 gsm,hoodie,poppy,NL,front,front']).jobs[0].video!;
    expect(nl.channels.map((c) => c.id)).toEqual(['pdp-loop', 'reels', 'square-loop']); // tiktok is for DE, FR, GB, US
    const portrait = plan(['NF-JR-3003,Poppy,jersey,loopback jersey,340 gsm,hoodie,poppy,,front,front'], (d) => {
      d.categories.find((c: any) => c.id === 'jersey').video.aspectRatios = ['4:5'];
    }).jobs[0].video!;
    expect(portrait.channels).toEqual([{ id: 'pdp-loop', width: 1080, height: 1350 }]);
  });

  it('reports a video view that is not planned, a category without a motion brief and a lock without video channels', () => {
    const p = plan([
      'NF-JR-3003,Poppy,jersey,loopback jersey,340 gsm,hoodie,poppy,,front,back',
      'NF-BP-9001,Jet black,basics-packshot,cotton twill,260 gsm,cap,black,,front,front',
      'NF-JR-3004,Charcoal,jersey,cotton jersey,160 gsm,long-sleeve tee,charcoal,,front,',
    ]);
    expect(p.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'video_views', 'view "back" is not planned for this SKU, so it has no still to make a video from'],
      [3, 'video_views', 'category basics-packshot has no motion brief ("video" is null or it has no seed category)'],
    ]);
    expect(p.jobs.map((j) => j.sku)).toEqual(['NF-JR-3004']);
    const none = plan(['NF-JR-3003,Poppy,jersey,loopback jersey,340 gsm,hoodie,poppy,,front,front'], (d) => {
      delete d.videoChannels;
      delete d.categories.find((c: any) => c.id === 'jersey').video.aspectRatios;
    });
    expect(none.issues[0]).toMatchObject({ row: 2, column: 'video_views', message: 'the lock has no video channels to deliver loops to' });
  });
});
