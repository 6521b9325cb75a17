/**
 * Builds a moodboard frame in Figma Design from its plan, before any image arrives: a header with the
 * brief, one row per light (its name and set-up, then its cells as an auto-layout grid of image and
 * caption), the brand palette once as swatches, and a notes area for the art director. Each cell's
 * image layer records its job, seed and prompt; the prompt stays in the record, not on the board.
 */
import type { BoardPlan } from '../../protocol/board';
import { createText } from '../create-text';
import { BOARD_FONTS, HAIRLINE, INK, MUTED, NOTE_TINT, PAPER, PLACEHOLDER, hexToRgb, solid, stack } from './board-style';
import { writeCell } from './board-records';

export interface BuiltBoard {
  board: FrameNode | SectionNode;
  statusId: string;
}

export function buildBoard(plan: BoardPlan): BuiltBoard {
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
  const status = fill(header, createText(plan.honestyNote ?? `Waiting for ${plan.cells.length} images…`, { font: BOARD_FONTS.medium, size: 14, color: INK, width: 100 }));
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

  const images = fill(board, stack('Images', 'VERTICAL', 40));
  plan.groups.forEach((group, g) => {
    const row = fill(images, stack(group.title, 'VERTICAL', 12));
    const label = stack('Light', 'HORIZONTAL', 12);
    row.appendChild(label);
    label.appendChild(createText(group.title, { font: BOARD_FONTS.semibold, size: 20, color: INK }));
    if (group.detail) label.appendChild(createText(group.detail, { font: BOARD_FONTS.regular, size: 14, color: MUTED }));
    label.counterAxisAlignItems = 'BASELINE';
    const grid = fill(row, stack('Cells', 'HORIZONTAL', 24));
    grid.layoutWrap = 'WRAP';
    grid.counterAxisSpacing = 32;
    for (const cell of plan.cells.filter((c) => c.group === g)) {
      const frame = stack(`Image ${cell.index + 1}`, 'VERTICAL', 8);
      grid.appendChild(frame);
      const image = figma.createRectangle();
      image.name = 'Image';
      image.resize(plan.cellWidth, plan.imageHeight);
      image.fills = [solid(PLACEHOLDER)];
      image.cornerRadius = 4;
      frame.appendChild(image);
      const caption = createText(cell.caption, { font: BOARD_FONTS.medium, size: 14, color: MUTED, width: plan.cellWidth });
      caption.name = 'Caption';
      frame.appendChild(caption);
      writeCell(image, { index: cell.index, jobId: cell.jobId, seed: cell.seed, prompt: cell.prompt.slice(0, 2000), caption: cell.caption, captionId: caption.id, placed: false });
    }
  });

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

  return { board, statusId: status.id };
}

/** Appends a child to an auto-layout frame and stretches it across the frame's width. */
function fill<T extends SceneNode & LayoutMixin>(parent: FrameNode, child: T): T {
  parent.appendChild(child);
  child.layoutSizingHorizontal = 'FILL';
  return child;
}
