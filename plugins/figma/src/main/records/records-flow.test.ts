import { describe, expect, it } from 'vitest';
import { eventMatching, reopenMain, settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';
import { framePlan } from '../../../test/support/frame-plan';
import type { VariantFramePlan } from '../../protocol/variants';

const IMAGE = { width: 600, height: 900 };

function plan(channelId: string, width: number, height: number): VariantFramePlan {
  const name = `northfold_nf-1001_ink_front_${channelId}_${width}x${height}`;
  return framePlan(channelId, width, height, { frameName: name, fileName: `${name}.jpg` });
}

async function photoOnCanvas(env: ReturnType<typeof startMain>) {
  const photo = env.figma.createRectangle();
  photo.name = 'NF-1001 master';
  photo.resize(300, 450);
  const image = env.figma.createImage(pngBytes(IMAGE.width, IMAGE.height, [200, 200, 200]));
  photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }];
  env.host.select([photo]);
  await settle();
  return { photo, hash: image.hash };
}

const naming = { sku: 'NF-1001', colorway: 'ink', view: 'front', category: 'wovens' };

describe('what brandlock records on the canvas', () => {
  it('variant frames made by a development build are still found by the published build (another plugin id)', async () => {
    const dev = startMain({ pluginId: 'brandlock-figma-dev' });
    const { photo, hash } = await photoOnCanvas(dev);
    const made = await dev.ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'NF-1001 · channel variants', naming, frames: [plan('ig', 108, 135), plan('pdp', 160, 200)] });
    expect(made).toHaveLength(2);
    const published = reopenMain(dev.host, { pluginId: '1498765432101234567' });
    const frames = await published.ui.call('listVariantFrames', { scope: 'page' });
    expect(frames.map((f) => f.channelId)).toEqual(['ig', 'pdp']);
    // Another tool (or the REST API) reads the same records from the shared namespace.
    const frame = published.figma.currentPage.findOne((n) => n.id === made[0].nodeId)!;
    expect(JSON.parse(frame.getSharedPluginData('brandlock', 'variant'))).toMatchObject({ channelId: 'ig', fileName: 'northfold_nf-1001_ink_front_ig_108x135.jpg' });
  });

  it('writes the naming it reads: the source image and each frame carry SKU, colorway, view and category', async () => {
    const env = startMain();
    const { photo, hash } = await photoOnCanvas(env);
    const [made] = await env.ui.call('createVariants', { source: { nodeId: photo.id, imageHash: hash }, groupName: 'g', naming, frames: [plan('ig', 108, 135)] });
    env.host.select([]);
    await settle();
    const before = env.events.length;
    env.host.select([photo]);
    const selection = await eventMatching<{ count: number; image: { nodeId: string; naming: Record<string, string> } }>(env.events, 'selection', (p) => p.count === 1 && p.image?.nodeId === photo.id, before);
    expect(selection.image.naming).toEqual(naming);
    // A frame selected later (its relaunch button reopens Variants) brings the same naming.
    const frame = env.figma.currentPage.findOne((n) => n.id === made.nodeId)!;
    const beforeFrame = env.events.length;
    env.host.select([frame]);
    const fromFrame = await eventMatching<{ image: { nodeId: string; naming: Record<string, string> } | null }>(env.events, 'selection', (p) => p.image?.nodeId !== photo.id && !!p.image, beforeFrame);
    expect(fromFrame.image?.naming).toEqual(naming);
  });

  it('making variants again from the same image puts the new section beside the first, not on it', async () => {
    const env = startMain();
    const { photo, hash } = await photoOnCanvas(env);
    const params = { source: { nodeId: photo.id, imageHash: hash }, naming, frames: [plan('ig', 108, 135), plan('pdp', 160, 200)] };
    await env.ui.call('createVariants', { ...params, groupName: 'first' });
    await env.ui.call('createVariants', { ...params, groupName: 'second' });
    const [a, b] = env.figma.currentPage.children.filter((n) => n.type === 'SECTION');
    const overlap = (p: SceneNode, q: SceneNode) => p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
    expect([a.name, b.name]).toEqual(['first', 'second']);
    expect(overlap(a, b)).toBe(false);
    expect(overlap(a, photo) || overlap(b, photo)).toBe(false);
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
  });
});
