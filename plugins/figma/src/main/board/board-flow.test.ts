import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes, pngHeaderOnly } from '../../../test/support/fixtures';
import { planBoardGrid } from '../../layout/board-grid';
import type { BoardPlan } from '../../protocol/board';

const OUT = new URL('../../../test-output/', import.meta.url);

function boardPlan(count: number): BoardPlan {
  const grid = planBoardGrid(count, 4 / 5);
  return {
    title: 'Coastal linen, late afternoon',
    subtitle: 'SS27 campaign moodboard for the linen capsule',
    facts: ['Environment: coastal dunes', 'Lighting: Warm daylight studio', 'Model: Ava', 'Garment focus: linen shirts'],
    count,
    columns: grid.columns,
    cellWidth: grid.cellWidth,
    imageHeight: grid.imageHeight,
    swatches: [
      { name: 'Chalk', hex: '#f2efe9', code: '11-0601 TCX' },
      { name: 'Sand', hex: '#c8b089', code: null },
      { name: 'Ink navy', hex: '#1f2a44', code: '19-4024 TCX' },
    ],
    notes: '',
    honestyNote: 'Lighting and palette studies made offline by the local provider: not photographs.',
    provenance: { jobId: 'job_123', lockHash: 'abc' },
  };
}

const study = (i: number) => pngBytes(64, 80, [240 - i * 10, 220 - i * 5, 200], [{ x: 16, y: 20, w: 32, h: 50, rgb: [120 + i * 10, 80, 60] }]);

describe('moodboard on the main thread', () => {
  it('builds the board, fills each cell as its image arrives, and reports the outcome', async () => {
    const { ui, figma, host } = startMain();
    const plan = boardPlan(6);
    const { boardId } = await ui.call('startBoard', plan);
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    expect(board.parent?.type).toBe('PAGE');
    expect(board.children.map((c) => c.name)).toEqual(['Brief', 'Images', 'Palette', 'Notes']);
    const grid = board.children[1] as FrameNode;
    expect(grid).toMatchObject({ layoutMode: 'HORIZONTAL', layoutWrap: 'WRAP' });
    expect(grid.children).toHaveLength(6);
    // Three columns: cells 0-2 share a row, cell 3 starts the next one.
    const cells = grid.children as FrameNode[];
    expect(cells.slice(0, 3).map((c) => c.y)).toEqual([0, 0, 0]);
    expect(cells[3].y).toBeGreaterThan(plan.imageHeight);
    expect(cells[3].x).toBe(0);

    for (let i = 0; i < 6; i++) {
      await ui.call('addBoardImage', { boardId, index: i, bytes: study(i), width: 64, height: 80, title: `Warm daylight studio · study ${i + 1}`, detail: 'soft warm daylight from a large octabox at 45 degrees left' });
    }
    const res = await ui.call('finishBoard', { boardId, outcome: 'complete', message: '' });
    expect(res.placed).toBe(6);
    const first = cells[0].children as SceneNode[];
    expect((first[0] as RectangleNode).fills).toEqual([expect.objectContaining({ type: 'IMAGE', scaleMode: 'FILL' })]);
    expect((first[1] as TextNode).characters).toBe('Warm daylight studio · study 1');
    const status = board.findOne((n) => n.name === 'Status') as TextNode;
    expect(status.characters).toBe('Lighting and palette studies made offline by the local provider: not photographs.');
    const swatches = board.findOne((n) => n.name === 'Swatches') as FrameNode;
    expect(swatches.children.map((c) => c.name)).toEqual(['Chalk', 'Sand', 'Ink navy']);
    expect(JSON.parse(board.getPluginData('brandlock.board'))).toMatchObject({ jobId: 'job_123', lockHash: 'abc' });
    expect(host.figma.currentPage.selection).toEqual([board]);

    mkdirSync(OUT, { recursive: true });
    writeFileSync(new URL('moodboard-render.png', OUT), await board.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.5 } }));
  });

  it('fills a caption the designer restyled while the board was filling, and keeps board data within its byte limit', async () => {
    const { ui, figma, host } = startMain();
    const plan = { ...boardPlan(6), title: 'Ветер у дюн '.repeat(6000) };
    const { boardId } = await ui.call('startBoard', plan);
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    const data = board.getPluginData('brandlock.board');
    expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(90_000);
    expect(JSON.parse(data).title).toMatch(/^Ветер у дюн/);
    const caption = ((board.children[1] as FrameNode).children[0] as FrameNode).children[1] as TextNode;
    host.restyleText(caption, { family: 'Roboto', style: 'Bold' });
    await ui.call('addBoardImage', { boardId, index: 0, bytes: study(0), width: 64, height: 80, title: 'Warm daylight studio · study 1', detail: 'octabox' });
    expect(caption.characters).toBe('Warm daylight studio · study 1');
    expect(caption.fontName).toEqual({ family: 'Roboto', style: 'Bold' });
  });

  it('on cancel keeps what arrived, removes the empty cells and says so on the board', async () => {
    const { ui, figma } = startMain();
    const { boardId } = await ui.call('startBoard', boardPlan(12));
    await ui.call('addBoardImage', { boardId, index: 0, bytes: study(0), width: 64, height: 80, title: 'a', detail: '' });
    await ui.call('addBoardImage', { boardId, index: 5, bytes: study(5), width: 64, height: 80, title: 'b', detail: '' });
    await ui.call('finishBoard', { boardId, outcome: 'canceled', message: '' });
    const board = figma.currentPage.findOne((n) => n.id === boardId) as FrameNode;
    const grid = board.findOne((n) => n.name === 'Images') as FrameNode;
    expect(grid.children.map((c) => c.name)).toEqual(['Image 1', 'Image 6']);
    expect((board.findOne((n) => n.name === 'Status') as TextNode).characters).toMatch(/^Canceled after 2 of 12 images\./);
    const again = await ui.call('addBoardImage', { boardId, index: 1, bytes: study(1), width: 64, height: 80, title: 'late', detail: '' }).catch((e) => e);
    expect(again.code).toBe('no-board');
  });

  it('refuses images Figma cannot take, naming the image, and boards outside 6..50', async () => {
    const { ui } = startMain();
    const { boardId } = await ui.call('startBoard', boardPlan(6));
    const big = await ui.call('addBoardImage', { boardId, index: 2, bytes: pngHeaderOnly(5000, 4000), width: 5000, height: 4000, title: '', detail: '' }).catch((e) => e);
    expect(big).toMatchObject({ code: 'image-rejected', message: 'Image 3: Figma refused it (Image is too large)' });
    const webp = new TextEncoder().encode('RIFF....WEBPVP8 ');
    expect((await ui.call('addBoardImage', { boardId, index: 0, bytes: webp, width: 1, height: 1, title: '', detail: '' }).catch((e) => e)).message).toBe('Image 1: Figma refused it (Image type is unsupported)');
    for (const count of [5, 51]) {
      const err = await ui.call('startBoard', { ...boardPlan(6), count }).catch((e) => e);
      expect(err.message).toBe(`A moodboard holds 6 to 50 images, got ${count}`);
    }
    await settle();
  });
});
