// Export all on a page where variants were made twice from the same photo: the second set's frames
// export to the first set's file names. Those frames are named before anything is exported and left
// out; the rest is exported and zipped.
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';
import { framePlan } from '../../../test/support/frame-plan';
import type { VariantFramePlan } from '../../protocol/variants';
import { exportVariants } from './export-variants';

function plan(channelId: string, width: number, height: number): VariantFramePlan {
  return framePlan(channelId, width, height, { fileName: `northfold_nf-1001_${channelId}_${width}x${height}.png`, exportSettings: [], delivery: { format: 'png', quality: 90, maxBytes: null } });
}

async function pageWithTwoSets() {
  const env = startMain();
  const { figma, host, ui } = env;
  const photo = figma.createRectangle();
  photo.resize(300, 300);
  const image = figma.createImage(pngBytes(300, 300, [200, 200, 200]));
  photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }];
  host.select([photo]);
  await settle();
  const source = { nodeId: photo.id, imageHash: image.hash };
  const first = await ui.call('createVariants', { source, groupName: 'NF-1001 variants', frames: [plan('ig', 60, 60), plan('stories', 54, 96)] });
  const second = await ui.call('createVariants', { source, groupName: 'NF-1001 variants', frames: [plan('ig', 60, 60), plan('pinterest', 40, 60)] });
  return { ...env, first, second };
}

describe('Export all with two frames on one file name', () => {
  it('skips both frames, says so before exporting anything, and zips the rest', async () => {
    const { ui, first, second } = await pageWithTwoSets();
    const frames = await ui.call('listVariantFrames', { scope: 'page' });
    expect(frames).toHaveLength(4);
    const labels: string[] = [];
    const outcome = await exportVariants(ui, frames, { brand: 'Northfold' }, (_d, _t, label) => labels.push(label), new AbortController().signal);

    expect(outcome.zip).not.toBeNull();
    const files = unzipSync(new Uint8Array(await outcome.zip!.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'northfold_nf-1001_pinterest_40x60.png', 'northfold_nf-1001_stories_54x96.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual(['northfold_nf-1001_stories_54x96.png', 'northfold_nf-1001_pinterest_40x60.png']);

    // Neither ig frame is exported (a zip would have to drop one of them), and each says why.
    expect(labels.filter((l) => l.includes('_ig_'))).toEqual([]);
    expect(outcome.skipped).toEqual([{ fileName: 'northfold_nf-1001_ig_60x60.png', frames: [expect.objectContaining({ nodeId: first[0].nodeId }), expect.objectContaining({ nodeId: second[0].nodeId })] }]);
    // The two frames have one name in sections of one name: where they are tells them apart.
    const [a, b] = outcome.skipped[0].frames.map((f) => f.place);
    expect(a.container).toBe('NF-1001 variants');
    expect([a.x, a.y]).not.toEqual([b.x, b.y]);
    expect(outcome.files.map((f) => f.frame.fileName)).toEqual(['northfold_nf-1001_stories_54x96.png', 'northfold_nf-1001_pinterest_40x60.png']);
  });
});
