// A product loop on the Figma canvas, end to end: the real server (npm start, local provider, FFmpeg
// frame QC) makes the sample brief's loop; the UI's loader lists it and fetches its poster, clip and
// QC; the main thread, on the fake Figma, places the poster with the caption and the link. On a free
// Starter team Figma refuses to upload video (createVideoAsync's documented errors), so the poster
// stands in and the designer is told why; on a paid team the clip plays in the frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrandlockClient, type BrandlockClient, type Job } from '@brandlock/core/api';
import { startTestServer, type TestServer } from '../../../test/support/start-server';
import { startMain } from '../../../test/support/start-main';
import { listVideoLoops, loadVideoLoop } from '../../ui/video/load-video-loop';

let server: TestServer;
let client: BrandlockClient;
let job: Job;
beforeAll(async () => {
  server = await startTestServer({
    editLock: (lock) => {
      // The video SKU's category only: a small still and a two-second loop keep FFmpeg's work short.
      const jersey = lock.categories.find((c) => c.id === 'jersey')!;
      jersey.recipe = { ...(jersey.recipe ?? {}), width: 512, height: 640 };
      jersey.video = { ...(jersey.video ?? {}), durationSeconds: 2 };
    },
  });
  const made = await server.makeVideoJob();
  job = made.job;
  client = createBrandlockClient({ baseUrl: server.url, token: made.directorToken });
}, 300_000);
afterAll(async () => server?.close());

// Art directors judge loops in Figma; the poster and frame QC live in the audit trail they may read.
const texts = (frame: FrameNode) => frame.children.filter((n): n is TextNode => n.type === 'TEXT');

describe('a product loop on the canvas', () => {
  it('on a Starter team: the poster frame with the QC caption and a link to the clip, and why the clip is not embedded', async () => {
    expect((await listVideoLoops(client, 'NF-JR-3005')).map((j) => j.id)).toContain(job.id);
    const params = await loadVideoLoop(client, server.url, job, { embed: true });
    expect(params.headline).toMatch(/^QC (PASS|FLAG|REJECT) · 2\.0 s · 24 fps · 512x640 · 48 frames$/);
    expect(params.lines.join('\n')).toMatch(/Worst ΔE00: \d+\.\d\d ΔE00/);
    expect(params.lines.join('\n')).toMatch(/Loop seam: /);
    expect(params.lines.some((l) => l.startsWith('INFO offline:'))).toBe(true);

    const { ui, figma } = startMain({ plan: 'starter' });
    const placed = await ui.call('placeVideoLoop', params);
    expect(placed.embedded).toBe(false);
    expect(placed.fallback).toMatch(/Uploading videos only works in files in paid Pro teams.*poster frame stands for it/);
    const frame = figma.currentPage.findOne((n) => n.id === placed.nodeId) as FrameNode;
    expect(frame.name).toMatch(/^NF-JR-3005 front loop · job \S+$/);
    const poster = frame.children[0] as RectangleNode;
    const fills = poster.fills as Paint[];
    expect(fills.map((f) => f.type)).toEqual(['IMAGE']);
    // The poster is the clip's first frame at the clip's size: 512x640, shown 360 wide.
    expect(await figma.getImageByHash((fills[0] as ImagePaint).imageHash!)!.getSizeAsync()).toEqual({ width: 512, height: 640 });
    expect([poster.width, poster.height]).toEqual([360, 450]);
    const [headline, caption, link] = texts(frame);
    expect(headline.characters).toBe(params.headline);
    expect(caption.characters).toContain('Colour drift:');
    expect(link.hyperlink).toEqual({ type: 'URL', value: `${server.url}/v1/assets/${job.outputs[0].sha256}` });
    // The link is where the clip is: the server answers it (with the token) with the MP4.
    const res = await fetch((link.hyperlink as HyperlinkTarget).value, { headers: { authorization: `Bearer ${server.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(JSON.parse(frame.getSharedPluginData('brandlock', 'video-loop'))).toMatchObject({ jobId: job.id, sku: 'NF-JR-3005', clipRef: job.outputs[0].ref });
  });

  it('on a paid team: the clip plays in the frame, over its poster', async () => {
    const params = await loadVideoLoop(client, server.url, job, { embed: true });
    const { ui, figma } = startMain({ plan: 'professional' });
    const placed = await ui.call('placeVideoLoop', params);
    expect(placed).toMatchObject({ embedded: true, fallback: null });
    const frame = figma.currentPage.findOne((n) => n.id === placed.nodeId) as FrameNode;
    expect(((frame.children[0] as RectangleNode).fills as Paint[]).map((f) => f.type)).toEqual(['IMAGE', 'VIDEO']);
  });

  it('tells a designer whose token may not read production records what to connect with', async () => {
    const designer = createBrandlockClient({ baseUrl: server.url, token: server.token });
    expect((await listVideoLoops(designer)).map((j) => j.id)).toContain(job.id);
    await expect(loadVideoLoop(designer, server.url, job, { embed: false })).rejects.toThrow(/may not read production records \(role designer may not audit read\).*connect with an art director's token/);
  });

  it('refuses a poster Figma cannot take, saying what it takes', async () => {
    const params = await loadVideoLoop(client, server.url, job, { embed: false });
    const { ui } = startMain({ plan: 'professional' });
    // A poster sent as the clip's own bytes (an MP4 is not an image Figma takes).
    await expect(ui.call('placeVideoLoop', { ...params, poster: (await client.assets.get(job.outputs[0].ref)).bytes })).rejects.toThrow(/poster frame: Image type is unsupported \(PNG, JPEG or GIF up to 4096 px\)/);
  });
});
