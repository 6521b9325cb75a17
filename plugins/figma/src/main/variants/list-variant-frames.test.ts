// Export all lists the page's variant frames with Figma's indexed search (findAllWithCriteria on the
// frames' brandlock data), not a callback for every layer: every kind of record is still found, nested
// or not, written by this build (shared data) or an earlier one (its private key), each frame once.
import { describe, expect, it } from 'vitest';
import { startMain } from '../../../test/support/start-main';

const record = (fileName: string) => JSON.stringify({ channelId: 'ig', fileName, width: 100, height: 125, delivery: { format: 'jpeg', quality: 90, maxBytes: null }, sourceNodeId: '1:1' });

describe('listing variant frames', () => {
  it('finds shared and legacy records at any depth, once each, and nothing else', async () => {
    const { figma, ui } = startMain();
    const section = figma.createSection();
    const group = figma.createFrame();
    section.appendChild(group);
    const shared = figma.createFrame();
    shared.setSharedPluginData('brandlock', 'variant', record('shared.jpg'));
    group.appendChild(shared);
    const legacy = figma.createFrame();
    legacy.setPluginData('brandlock.variant', record('legacy.jpg'));
    figma.currentPage.appendChild(legacy);
    const both = figma.createFrame();
    both.setSharedPluginData('brandlock', 'variant', record('both.jpg'));
    both.setPluginData('brandlock.variant', record('both-old.jpg'));
    group.appendChild(both);
    const plain = figma.createFrame();
    plain.setSharedPluginData('brandlock', 'naming', JSON.stringify({ sku: 'NF-1' }));
    group.appendChild(plain);
    const rect = figma.createRectangle();
    rect.setSharedPluginData('brandlock', 'variant', record('not-a-frame.jpg'));
    group.appendChild(rect);
    const names = (await ui.call('listVariantFrames', { scope: 'page' })).map((f) => f.fileName).sort();
    expect(names).toEqual(['both.jpg', 'legacy.jpg', 'shared.jpg']);
  });
});
