/**
 * Builds a moodboard frame from its plan, before any image arrives: a header with the brief, an
 * auto-layout grid of placeholder cells (image + caption) that the images fill as the server delivers
 * them, the brand palette as swatches, and a notes area for the art director.
 */
import type { BoardPlan } from '../../protocol/board';
import { createText } from '../create-text';
import { BOARD_FONTS, HAIRLINE, INK, MUTED, NOTE_TINT, PAPER, PLACEHOLDER, hexToRgb, solid, stack } from './board-style';

export interface BoardCell {
  imageId: string;
  titleId: string;
  detailId: string;
}

export function buildBoard(plan: BoardPlan): { board: FrameNode; cells: BoardCell[]; statusId: string } {
  const board = stack(`brandlock moodboard · ${plan.title}`, 'VERTICAL', 48);
  board.fills = [solid(PAPER)];
  board.clipsContent = true;
  for (const side of ['paddingLeft', 'paddingRight', 'paddingTop', 'paddingBottom'] as const) board[side] = 64;
  board.resize(plan.columns * plan.cellWidth + (plan.columns - 1) * 24 + 128, 100);
  board.primaryAxisSizingMode = 'AUTO';

  const header = fill(board, stack('Brief', 'VERTICAL', 12));
  header.appendChild(createText('BRANDLOCK MOODBOARD', { font: BOARD_FONTS.medium, size: 13, color: MUTED }));
  fill(header, createText(plan.title, { font: BOARD_FONTS.semibold, size: 44, color: INK, width: 100, lineHeightPercent: 115 }));
  if (plan.subtitle) fill(header, createText(plan.subtitle, { font: BOARD_FONTS.regular, size: 18, color: MUTED, width: 100 }));
  const facts = fill(header, stack('Facts', 'HORIZONTAL', 32));
  facts.layoutWrap = 'WRAP';
  facts.counterAxisSpacing = 8;
  for (const f of plan.facts) facts.appendChild(createText(f, { font: BOARD_FONTS.regular, size: 15, color: INK }));
  const status = fill(header, createText(plan.honestyNote ?? `Waiting for ${plan.count} images…`, { font: BOARD_FONTS.medium, size: 14, color: INK, width: 100 }));
  status.name = 'Status';
  if (plan.honestyNote) {
    const note = fill(header, stack('About these images', 'HORIZONTAL', 0));
    note.fills = [solid(NOTE_TINT)];
    note.paddingLeft = note.paddingRight = 16;
    note.paddingTop = note.paddingBottom = 10;
    note.cornerRadius = 6;
    note.appendChild(status);
    status.layoutSizingHorizontal = 'FILL';
  }

  const grid = fill(board, stack('Images', 'HORIZONTAL', 24));
  grid.layoutWrap = 'WRAP';
  grid.counterAxisSpacing = 32;
  const cells: BoardCell[] = [];
  for (let i = 0; i < plan.count; i++) {
    const cell = stack(`Image ${i + 1}`, 'VERTICAL', 8);
    grid.appendChild(cell);
    const image = figma.createRectangle();
    image.name = 'Image';
    image.resize(plan.cellWidth, plan.imageHeight);
    image.fills = [solid(PLACEHOLDER)];
    image.cornerRadius = 4;
    cell.appendChild(image);
    const title = createText(`Image ${i + 1} of ${plan.count}`, { font: BOARD_FONTS.medium, size: 14, color: MUTED, width: plan.cellWidth });
    title.name = 'Caption';
    const detail = createText('Waiting…', { font: BOARD_FONTS.regular, size: 12, color: MUTED, width: plan.cellWidth, lineHeightPercent: 135 });
    detail.name = 'Prompt';
    cell.appendChild(title);
    cell.appendChild(detail);
    cells.push({ imageId: image.id, titleId: title.id, detailId: detail.id });
  }

  if (plan.swatches.length) {
    const palette = fill(board, stack('Palette', 'VERTICAL', 16));
    palette.appendChild(createText('Palette', { font: BOARD_FONTS.semibold, size: 20, color: INK }));
    const row = fill(palette, stack('Swatches', 'HORIZONTAL', 16));
    row.layoutWrap = 'WRAP';
    row.counterAxisSpacing = 20;
    for (const s of plan.swatches) {
      const rgb = hexToRgb(s.hex);
      if (!rgb) continue;
      const chip = stack(s.name, 'VERTICAL', 6);
      row.appendChild(chip);
      const swatch = figma.createRectangle();
      swatch.name = s.hex;
      swatch.resize(112, 72);
      swatch.cornerRadius = 4;
      swatch.fills = [solid(rgb)];
      swatch.strokes = [solid(HAIRLINE)];
      chip.appendChild(swatch);
      chip.appendChild(createText(s.name, { font: BOARD_FONTS.medium, size: 12, color: INK, width: 112 }));
      chip.appendChild(createText(s.code ? `${s.hex} · ${s.code}` : s.hex, { font: BOARD_FONTS.regular, size: 11, color: MUTED, width: 112 }));
    }
  }

  const notes = fill(board, stack('Notes', 'VERTICAL', 8));
  notes.fills = [solid({ r: 1, g: 1, b: 1 })];
  notes.strokes = [solid(HAIRLINE)];
  notes.cornerRadius = 8;
  notes.paddingLeft = notes.paddingRight = notes.paddingTop = notes.paddingBottom = 24;
  notes.appendChild(createText('Notes', { font: BOARD_FONTS.semibold, size: 20, color: INK }));
  fill(notes, createText(plan.notes || 'Add the art direction notes here: what to keep, what to change, which images to shoot.', {
    font: BOARD_FONTS.regular, size: 16, color: plan.notes ? INK : MUTED, width: 100, lineHeightPercent: 140,
  }));

  return { board, cells, statusId: status.id };
}

/** Appends a child to an auto-layout frame and stretches it across the frame's width. */
function fill<T extends SceneNode & LayoutMixin>(parent: FrameNode, child: T): T {
  parent.appendChild(child);
  child.layoutSizingHorizontal = 'FILL';
  return child;
}
