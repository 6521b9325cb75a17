import { describe, expect, it } from 'vitest';
import { planBoardGrid } from './board-grid';
import { overlayBox } from './overlay-box';
import { placeInRows } from './place-in-rows';
import { safeAreaGrids } from './safe-area-grids';

describe('planBoardGrid', () => {
  it.each([
    [6, 3, 2], [8, 4, 2], [12, 4, 3], [24, 6, 4], [50, 8, 7],
  ])('%i images -> %i columns x %i rows', (count, columns, rows) => {
    const g = planBoardGrid(count, 4 / 5);
    expect([g.columns, g.rows]).toEqual([columns, rows]);
    expect(g.boardWidth).toBe(2 * g.padding + columns * g.cellWidth + (columns - 1) * g.gap);
    expect(g.imageHeight).toBe(400);
  });

  it('refuses nonsense counts', () => {
    expect(() => planBoardGrid(0, 1)).toThrow(/positive whole number/);
    expect(() => planBoardGrid(3.5, 1)).toThrow(/positive whole number/);
  });
});

describe('safeAreaGrids', () => {
  it('turns the Stories safe zone into one row band between the top 250 and bottom 340 px', () => {
    const grids = safeAreaGrids({ width: 1080, height: 1920 }, { top: 250, right: 0, bottom: 340, left: 0 });
    expect(grids).toHaveLength(1);
    expect(grids[0]).toMatchObject({ pattern: 'ROWS', alignment: 'MIN', count: 1, offset: 250, sectionSize: 1330 });
  });

  it('adds nothing when the spec has no safe area', () => {
    expect(safeAreaGrids({ width: 1080, height: 1080 }, { top: 0, right: 0, bottom: 0, left: 0 })).toEqual([]);
  });
});

describe('overlayBox', () => {
  it('keeps a bottom overlay above the bottom safe zone and inside the side margins', () => {
    const b = overlayBox({ width: 1080, height: 1920 }, { top: 250, right: 0, bottom: 340, left: 0 }, 'bottom');
    expect(b.y + b.height).toBeLessThanOrEqual(1920 - 340);
    expect(b.x).toBeGreaterThan(0);
    expect(b.x + b.width).toBeLessThan(1080);
    expect(b.y).toBeGreaterThan(250);
  });

  it('puts a top overlay below the top safe zone', () => {
    expect(overlayBox({ width: 1080, height: 1920 }, { top: 250, right: 0, bottom: 340, left: 0 }, 'top').y).toBeGreaterThanOrEqual(250);
  });
});

describe('placeInRows', () => {
  it('wraps before a row grows past the limit and tops rows on the tallest frame', () => {
    const p = placeInRows([{ width: 1000, height: 1500 }, { width: 1080, height: 1080 }, { width: 2000, height: 2000 }], 100, 2500);
    expect(p.positions).toEqual([{ x: 0, y: 0 }, { x: 1100, y: 0 }, { x: 0, y: 1600 }]);
    expect(p).toMatchObject({ width: 2180, height: 3600 });
  });
});
