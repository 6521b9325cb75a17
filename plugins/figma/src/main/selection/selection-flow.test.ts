import { describe, expect, it } from 'vitest';
import { eventMatching, reopenMain, settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';

describe('selection summary', () => {
  it('finds the image in a selected frame and maps the "subject" and "focal" layers into image pixels', async () => {
    const { figma, host, events } = startMain();
    const shot = figma.createFrame();
    shot.name = 'NF-1001 front';
    shot.resize(400, 600);
    const photo = figma.createRectangle();
    photo.resize(400, 600);
    photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: figma.createImage(pngBytes(2000, 3000, [9, 9, 9])).hash }];
    photo.setPluginData('brandlock.naming', JSON.stringify({ sku: 'NF-1001', colorway: 'ink', view: 'front', bad: 3 }));
    shot.appendChild(photo);
    const subject = figma.createRectangle();
    subject.name = 'Subject';
    subject.resize(200, 500);
    subject.x = 100;
    subject.y = 50;
    shot.appendChild(subject);
    const focal = figma.createEllipse();
    focal.name = 'focal';
    focal.resize(10, 10);
    focal.x = 195;
    focal.y = 95;
    shot.appendChild(focal);
    host.select([shot]);
    const last = await eventMatching<{ count: number }>(events, 'selection', (p) => p.count === 1);
    expect(last).toEqual({
      count: 1,
      firstName: 'NF-1001 front',
      image: {
        nodeId: photo.id,
        nodeName: 'Rectangle',
        imageHash: expect.any(String),
        imageWidth: 2000,
        imageHeight: 3000,
        subject: { x: 500, y: 250, width: 1000, height: 2500 },
        focal: { x: 1000, y: 500 },
        naming: { sku: 'NF-1001', colorway: 'ink', view: 'front' },
        thumbnail: expect.any(Uint8Array),
      },
      board: null,
    });
    // The thumbnail is the layer as it shows, 96 px high.
    const thumb = (last as unknown as { image: { thumbnail: Uint8Array } }).image.thumbnail;
    expect([new DataView(thumb.buffer, thumb.byteOffset).getUint32(16), new DataView(thumb.buffer, thumb.byteOffset).getUint32(20)]).toEqual([64, 96]);
  });

  it('says there is no image when the selection has none', async () => {
    const { figma, ui, host } = startMain();
    const r = figma.createRectangle();
    host.select([r]);
    expect(await ui.call('getSelection', undefined)).toEqual({ count: 1, image: null, firstName: 'Rectangle', board: null });
  });
});

describe('plugin start', () => {
  it('shows the UI with theme colours, holds messages until READY, then sends the command it was opened with', async () => {
    const { host, events } = startMain({ command: 'palette', editorType: 'figjam' });
    expect(host.shownUi[0].options).toMatchObject({ themeColors: true, width: 380, height: 640 });
    await settle(20);
    expect(events[0]).toEqual({ name: 'command', payload: { command: 'palette', editorType: 'figjam' } });
  });

  it('keeps the server URL and token in clientStorage, not in the file', async () => {
    const { ui, host } = startMain();
    expect(await ui.call('getSettings', undefined)).toEqual({ serverUrl: '', token: '' });
    await ui.call('saveSettings', { serverUrl: ' https://brandlock.example.com ', token: 'tok_123' });
    expect(await ui.call('getSettings', undefined)).toEqual({ serverUrl: 'https://brandlock.example.com', token: 'tok_123' });
    expect(host.storage.get('brandlock.settings')).toEqual({ serverUrl: 'https://brandlock.example.com', token: 'tok_123' });
    expect(host.figma.root.findAll((n) => n.getPluginDataKeys().length > 0)).toEqual([]);
  });
});

describe('the plugin window and what it keeps', () => {
  it('resizes from the drag handle within bounds and opens at that size next time', async () => {
    const first = startMain();
    expect(await first.ui.call('resizeWindow', { width: 520, height: 900 })).toEqual({ width: 520, height: 900 });
    expect(await first.ui.call('resizeWindow', { width: 100, height: 5000 })).toEqual({ width: 320, height: 1400 });
    await first.ui.call('resizeWindow', { width: 520, height: 900 });
    expect(first.host.resizes.at(-1)).toEqual({ width: 520, height: 900 });
    const next = reopenMain(first.host);
    await settle(20);
    expect(next.host.resizes).toEqual([{ width: 520, height: 900 }]);
  });

  it('keeps lock files opened offline for the next launch, .cube files while they fit in client storage', async () => {
    const first = startMain();
    const cube = 'x'.repeat(2_000_000);
    const res = await first.ui.call('saveOfflineLock', { name: 'brand-lock.json', json: '{"lock":1}', cubes: { warm: cube, cool: cube, third: cube } });
    expect(res).toEqual({ kept: ['warm', 'cool'], dropped: ['third'] });
    const next = reopenMain(first.host);
    expect(await next.ui.call('getOfflineLock', undefined)).toEqual({ name: 'brand-lock.json', json: '{"lock":1}', cubes: { warm: cube, cool: cube } });
  });
});
