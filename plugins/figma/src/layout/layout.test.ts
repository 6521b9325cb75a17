import { describe, expect, it } from 'vitest';
import { planBoardGrid } from './board-grid';
import { placeCopyBox } from './copy-box';
import { contrastOver, contrastRatio, requiredContrast } from '../palette/wcag-contrast';
import { chooseCopyColour } from '../variants/choose-copy-colour';
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
  it('tints the bands Stories covers with its interface: the top 250 px and the bottom 340 px, not the safe middle', () => {
    const grids = safeAreaGrids({ width: 1080, height: 1920 }, { top: 250, right: 0, bottom: 340, left: 0 });
    expect(grids.map(({ pattern, alignment, offset, sectionSize }) => ({ pattern, alignment, offset, sectionSize }))).toEqual([
      { pattern: 'ROWS', alignment: 'MIN', offset: 0, sectionSize: 250 },
      { pattern: 'ROWS', alignment: 'MAX', offset: 0, sectionSize: 340 },
    ]);
  });

  it('tints all four edges of the Reels cover zone, the buttons down the right included', () => {
    const grids = safeAreaGrids({ width: 1080, height: 1920 }, { top: 269, right: 65, bottom: 672, left: 65 });
    expect(grids.map((g) => `${g.pattern} ${g.alignment} ${g.sectionSize}`)).toEqual(['ROWS MIN 269', 'ROWS MAX 672', 'COLUMNS MIN 65', 'COLUMNS MAX 65']);
  });

  it('adds nothing when the spec has no safe area', () => {
    expect(safeAreaGrids({ width: 1080, height: 1080 }, { top: 0, right: 0, bottom: 0, left: 0 })).toEqual([]);
  });
});

describe('placeCopyBox', () => {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };
  const stories = { top: 250, right: 0, bottom: 340, left: 0 };

  it('puts copy in the text safe area, clear of the garment, in the larger free band', () => {
    const garment = { x: 240, y: 700, width: 600, height: 900 };
    const p = placeCopyBox({ width: 1080, height: 1920 }, stories, garment, 'auto');
    expect(p).toMatchObject({ side: 'top', vertical: 'TOP', clear: true, moved: false });
    expect(p.box.y).toBeGreaterThanOrEqual(250);
    expect(p.box.y + p.box.height).toBeLessThanOrEqual(garment.y);
    expect(p.box.x).toBeGreaterThan(0);
    expect(p.box.x + p.box.width).toBeLessThan(1080);
  });

  it('honours top or bottom when that side has room, and moves (saying so) when it has none', () => {
    const low = { x: 240, y: 500, width: 600, height: 1300 };
    expect(placeCopyBox({ width: 1080, height: 1920 }, stories, low, 'top')).toMatchObject({ side: 'top', moved: false, clear: true });
    expect(placeCopyBox({ width: 1080, height: 1920 }, stories, low, 'bottom')).toMatchObject({ side: 'top', moved: true, clear: true });
  });

  it('uses the side of a wide frame beside the garment, and reports overlap when nothing is clear', () => {
    const p = placeCopyBox({ width: 2400, height: 1600 }, none, { x: 200, y: 100, width: 900, height: 1400 }, 'auto');
    expect(p).toMatchObject({ side: 'right', vertical: 'CENTER', clear: true });
    expect(p.box.x).toBeGreaterThan(1100);
    const full = placeCopyBox({ width: 1000, height: 1000 }, none, { x: 0, y: 0, width: 1000, height: 1000 }, 'auto');
    expect(full).toMatchObject({ side: 'bottom', clear: false, overlap: 1 });
    // A head-to-hem crop: the band over the hem, not the face, unless the top covers less.
    const model = { x: 337, y: 306, width: 406, height: 1218 };
    expect(placeCopyBox({ width: 1080, height: 1920 }, stories, model, 'auto')).toMatchObject({ side: 'bottom', clear: false });
    expect(placeCopyBox({ width: 1080, height: 1920 }, stories, { ...model, y: 500, height: 1100 }, 'auto')).toMatchObject({ side: 'top', clear: true });
  });
});

describe('WCAG contrast', () => {
  it('measures the ratio as WCAG defines it, over the worst tenth of the background', () => {
    expect(contrastRatio({ r: 1, g: 1, b: 1 }, { r: 0, g: 0, b: 0 })).toBeCloseTo(21, 5);
    expect(contrastRatio({ r: 0.4627, g: 0.4627, b: 0.4627 }, { r: 1, g: 1, b: 1 })).toBeCloseTo(4.54, 1);
    const white = { r: 1, g: 1, b: 1 };
    const navy = { r: 0.12, g: 0.16, b: 0.27 };
    const mostlyWhite = [...Array(85).fill(white), ...Array(15).fill(navy)];
    expect(contrastOver(navy, mostlyWhite)).toBeLessThan(1.5);
    expect(requiredContrast(30, false)).toBe(3);
    expect(requiredContrast(16, false)).toBe(4.5);
  });

  it('picks the palette colour that reads on Auto, and says when the chosen one does not', () => {
    const swatches = [{ id: 'ecru', name: 'Ecru', rgb: { r: 0.95, g: 0.93, b: 0.88 } }, { id: 'ink', name: 'Ink navy', rgb: { r: 0.12, g: 0.16, b: 0.27 } }];
    const onWhite = Array(40).fill({ r: 1, g: 1, b: 1 });
    expect(chooseCopyColour(onWhite, swatches, 'auto', 3)).toMatchObject({ swatch: { id: 'ink' }, warning: null });
    const chosen = chooseCopyColour(onWhite, swatches, 'ecru', 3);
    expect(chosen.swatch.id).toBe('ecru');
    expect(chosen.warning).toMatch(/^Ecru copy measures 1\.\d:1 over the image under it \(WCAG needs 3\.0:1\); Ink navy reads at 1\d\.\d:1$/);
  });
});

describe('placeInRows', () => {
  it('wraps before a row grows past the limit and tops rows on the tallest frame', () => {
    const p = placeInRows([{ width: 1000, height: 1500 }, { width: 1080, height: 1080 }, { width: 2000, height: 2000 }], 100, 2500);
    expect(p.positions).toEqual([{ x: 0, y: 0 }, { x: 1100, y: 0 }, { x: 0, y: 1600 }]);
    expect(p).toMatchObject({ width: 2180, height: 3600 });
  });
});
