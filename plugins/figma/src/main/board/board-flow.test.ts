import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { eventMatching, reopenMain, settle, startMain } from '../../../test/support/start-main';
import { pngBytes, pngHeaderOnly } from '../../../test/support/fixtures';
import { planBoardGrid } from '../../layout/board-grid';
import type { BoardPlan, BoardSummary } from '../../protocol/board';

const OUT = new URL('../../../test-output/', import.meta.url);

function boardPlan(count: number): BoardPlan {
  const grid = planBoardGrid(Math.ceil(count / 2), 4 / 5);
  const lights = ['Warm daylight studio', 'Cool editorial'];
  return {
    moodboardId: 'mb_123',
    title: 'Coastal linen, late afternoon',
    subtitle: 'SS27 campaign moodboard for the linen capsule',
    facts: ['Environment: coastal dunes', 'Garment focus: linen shirts', `${count} images · local`],
    columns: grid.columns,
    cellWidth: grid.cellWidth,
    imageHeight: grid.imageHeight,
    groups: lights.map((title) => ({ title, detail: '5200 K · key left-45 · 2:1 key:fill' })),
    cells: Array.from({ length: count }, (_, i) => ({ index: i, group: i < count / 2 ? 0 : 1, caption: `${lights[i < count / 2 ? 0 : 1]} · ${['Ava', 'Kofi'][i % 2]} · take ${i}`, jobId: `job_${i}`, seed: 1000 + i, prompt: `editorial moodboard image, coastal dunes, cell ${i}` })),
    swatches: [
      { name: 'Chalk', hex: '#f2efe9', code: '11-0601 TCX' },
      { name: 'Sand', hex: '#c8b089', code: null },
      { name: 'Ink navy', hex: '#1f2a44', code: '19-4024 TCX' },
    ],
    notes: '',
    honestyNote: 'Studies rendered offline by the local provider from the lock: not photographs.',
    provenance: { moodboardId: 'mb_123', lockHash: 'abc' },
  };
}

const study = (i: number) => pngBytes(64, 80, [240 - i * 10, 220 - i * 5, 200], [{ x: 16, y: 20, w: 32, h: 50, rgb: [120 + i * 10, 80, 60] }]);
const image = (boardId: string, index: number) => ({ boardId, index, bytes: study(index), width: 64, height: 80 });

describe('moodboard on the main thread', () => {
  it('builds one row per light, fills each cell as its image arrives, keeps prompts off the board, and reports the outcome', async () => {
    const { ui, figma, host } = startMain();
    // The designer is working on something else while the board fills.
    const work = figma.createFrame();
    work.name = 'Lookbook spread';
    figma.currentPage.selection = [work];
    const plan = boardPlan(6);
    const { boardId } = await ui.call('startBoard', plan);
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    expect(board.parent?.type).toBe('PAGE');
    expect(board.children.map((c) => c.name)).toEqual(['Brief', 'Images', 'Palette', 'Notes']);
    const rows = (board.children[1] as FrameNode).children as FrameNode[];
    expect(rows.map((r) => r.name)).toEqual(['Warm daylight studio', 'Cool editorial']);
    const cells = (rows[0].findOne((n) => n.name === 'Cells') as FrameNode).children as FrameNode[];
    expect(cells.map((c) => c.name)).toEqual(['Image 1', 'Image 2', 'Image 3']);
    expect(cells.slice(0, 3).map((c) => c.y)).toEqual([0, 0, 0]);

    for (let i = 0; i < 6; i++) await ui.call('addBoardImage', image(boardId, i));
    const res = await ui.call('finishBoard', { boardId, outcome: 'complete', message: '' });
    expect(res.placed).toBe(6);
    const first = cells[0].children as SceneNode[];
    expect((first[0] as RectangleNode).fills).toEqual([expect.objectContaining({ type: 'IMAGE', scaleMode: 'FILL' })]);
    expect((first[1] as TextNode).characters).toBe('Warm daylight studio · Ava · take 0');
    // The prompt and seed are on the cell's record, not printed under the image.
    expect(board.findAll((n) => n.type === 'TEXT' && (n as TextNode).characters.includes('editorial moodboard image'))).toEqual([]);
    expect(JSON.parse(first[0].getSharedPluginData('brandlock', 'board-cell'))).toMatchObject({ index: 0, jobId: 'job_0', seed: 1000, placed: true });
    expect((board.findOne((n) => n.name === 'Status') as TextNode).characters).toBe(plan.honestyNote);
    expect((board.findOne((n) => n.name === 'Swatches') as FrameNode).children.map((c) => c.name)).toEqual(['Chalk', 'Sand', 'Ink navy']);
    expect(JSON.parse(board.getSharedPluginData('brandlock', 'board'))).toMatchObject({ moodboardId: 'mb_123', state: 'complete', provenance: { lockHash: 'abc' } });
    // Neither start nor finish took the designer's view or selection; "Show board" selects it and brings it into view.
    expect(host.zoomedTo).toEqual([]);
    expect(host.figma.currentPage.selection).toEqual([work]);
    expect(await ui.call('selectNodes', { nodeIds: [boardId] })).toBe(1);
    expect(host.figma.currentPage.selection).toEqual([board]);
    expect(host.zoomedTo).toEqual([board]);

    mkdirSync(OUT, { recursive: true });
    writeFileSync(new URL('moodboard-render.png', OUT), await board.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.5 } }));
  });

  it('fills a caption the designer restyled while the board was filling, and keeps board data within its byte limit', async () => {
    const { ui, figma, host } = startMain();
    const plan = { ...boardPlan(6), title: 'Ветер у дюн '.repeat(6000) };
    const { boardId } = await ui.call('startBoard', plan);
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    const data = board.getSharedPluginData('brandlock', 'board');
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(90_000);
    expect(JSON.parse(data).title).toMatch(/^Ветер у дюн/);
    const caption = board.findOne((n) => n.name === 'Caption') as TextNode;
    host.restyleText(caption, { family: 'Roboto', style: 'Bold' });
    await ui.call('addBoardImage', image(boardId, 0));
    expect(caption.fontName).toEqual({ family: 'Roboto', style: 'Bold' });
    expect(caption.fills).toEqual([expect.objectContaining({ type: 'SOLID' })]);
  });

  it('on cancel keeps what arrived, removes the empty cells and says so on the board', async () => {
    const { ui, figma } = startMain();
    const { boardId } = await ui.call('startBoard', boardPlan(12));
    await ui.call('addBoardImage', image(boardId, 0));
    await ui.call('addBoardImage', image(boardId, 7));
    await ui.call('finishBoard', { boardId, outcome: 'canceled', message: '' });
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    expect(board.findAll((n) => n.name.startsWith('Image ')).map((c) => c.name)).toEqual(['Image 1', 'Image 8']);
    expect((board.findOne((n) => n.name === 'Status') as TextNode).characters).toMatch(/^Canceled after 2 of 12 images\./);
    const again = await ui.call('addBoardImage', image(boardId, 1)).catch((e) => e);
    expect(again.code).toBe('no-board');
  });

  it('refuses images Figma cannot take, naming the image, and boards outside 6..50', async () => {
    const { ui } = startMain();
    const { boardId } = await ui.call('startBoard', boardPlan(6));
    const big = await ui.call('addBoardImage', { boardId, index: 2, bytes: pngHeaderOnly(5000, 4000), width: 5000, height: 4000 }).catch((e) => e);
    expect(big).toMatchObject({ code: 'image-rejected', message: 'Image 3: Figma refused it (Image is too large)' });
    const webp = new TextEncoder().encode('RIFF....WEBPVP8 ');
    expect((await ui.call('addBoardImage', { boardId, index: 0, bytes: webp, width: 1, height: 1 }).catch((e) => e)).message).toBe('Image 1: Figma refused it (Image type is unsupported)');
    for (const count of [5, 51]) {
      const plan = boardPlan(count);
      const err = await ui.call('startBoard', plan).catch((e) => e);
      expect(err.message).toBe(`A moodboard holds 6 to 50 images, got ${count}`);
    }
    await settle();
  });

  it('a board left filling when the plugin closed is offered and filled by the next run (with another plugin id too)', async () => {
    const first = startMain();
    const { boardId } = await first.ui.call('startBoard', boardPlan(6));
    await first.ui.call('addBoardImage', image(boardId, 0));
    await first.ui.call('addBoardImage', image(boardId, 3));
    first.host.closeByUser();
    const late = await first.ui.call('addBoardImage', image(boardId, 1), { timeoutMs: 200 }).catch((e) => e);
    expect(late.name).toBe('BusTimeoutError');

    const next = reopenMain(first.host, { pluginId: '1498765432101234567', command: 'moodboard' });
    const open: BoardSummary[] = await next.ui.call('listBoards', undefined);
    expect(open).toEqual([{ boardId, moodboardId: 'mb_123', title: 'Coastal linen, late afternoon', state: 'filling', total: 6, placed: [0, 3] }]);
    const board = next.figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    const before = next.events.length;
    next.host.select([board.findOne((n) => n.name === 'Caption')!]);
    const selected = await eventMatching<{ board: BoardSummary | null }>(next.events, 'selection', (p) => p.board !== null, before);
    expect(selected.board).toMatchObject({ boardId, state: 'filling', placed: [0, 3] });
    for (const i of [1, 2, 4, 5]) await next.ui.call('addBoardImage', image(boardId, i));
    expect(await next.ui.call('finishBoard', { boardId, outcome: 'complete', message: '' })).toEqual({ placed: 6 });
    expect(await next.ui.call('listBoards', undefined)).toEqual([]);
  });

  it('a board left filling on another page is offered too, and leaves the list once finished', async () => {
    const first = startMain();
    const { boardId } = await first.ui.call('startBoard', boardPlan(6));
    await first.ui.call('addBoardImage', image(boardId, 0));
    first.host.closeByUser();
    // The art director goes to another page of the file and opens the plugin there.
    first.host.goToPage('Campaign');
    const next = reopenMain(first.host, { command: 'moodboard' });
    expect(next.figma.currentPage.name).toBe('Campaign');
    const open: BoardSummary[] = await next.ui.call('listBoards', undefined);
    expect(open).toEqual([{ boardId, moodboardId: 'mb_123', title: 'Coastal linen, late afternoon', state: 'filling', total: 6, placed: [0] }]);
    for (const i of [1, 2, 3, 4, 5]) await next.ui.call('addBoardImage', image(boardId, i));
    expect(await next.ui.call('finishBoard', { boardId, outcome: 'complete', message: '' })).toEqual({ placed: 6 });
    expect(await next.ui.call('listBoards', undefined)).toEqual([]);
    // A board deleted by hand while filling is dropped from the document's list, not offered.
    const again = await next.ui.call('startBoard', boardPlan(6));
    (await next.figma.getNodeByIdAsync(again.boardId))!.remove();
    expect(await next.ui.call('listBoards', undefined)).toEqual([]);
    expect(next.figma.root.getSharedPluginData('brandlock', 'filling-boards')).toBe('');
  });

  it('in FigJam builds a section board (no auto layout) with the notes on a sticky, and fills it', async () => {
    const { ui, figma } = startMain({ editorType: 'figjam' });
    const plan = { ...boardPlan(6), notes: 'Keep it airy.' };
    const { boardId } = await ui.call('startBoard', plan);
    const board = figma.currentPage.findOne((n) => n.id === boardId) as SectionNode;
    expect(board.type).toBe('SECTION');
    const sticky = board.findOne((n) => n.type === 'STICKY') as StickyNode;
    expect(sticky.text.characters).toBe('Keep it airy.');
    const images = board.findAll((n) => n.name.startsWith('Image ')) as RectangleNode[];
    expect(images).toHaveLength(6);
    // Laid out by hand: no two cells overlap, and rows follow the lights.
    const overlap = images.some((a, i) => images.some((b, j) => i < j && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
    expect(overlap).toBe(false);
    expect(images[3].y).toBeGreaterThan(images[0].y + images[0].height);
    for (let i = 0; i < 6; i++) await ui.call('addBoardImage', image(boardId, i));
    expect(await ui.call('finishBoard', { boardId, outcome: 'complete', message: '' })).toEqual({ placed: 6 });
    expect(images.every((r) => (r.fills as Paint[])[0].type === 'IMAGE')).toBe(true);
  });
});
