/**
 * The moodboard in FigJam, built the FigJam way: a section holding the brief, one row per light, the
 * palette and a sticky for the art director's notes. FigJam has no auto layout in its editor, so the
 * board is laid out here with fixed positions, and cells keep the planned image size when their
 * images arrive (the image is filled, never stretched). The records are the same as in Figma Design.
 */
import type { BoardPlan } from '../../protocol/board';
import { createText } from '../create-text';
import { BOARD_FONTS, INK, MUTED, PAPER, PLACEHOLDER, hexToRgb, solid } from './board-style';
import { writeCell } from './board-records';
import type { BuiltBoard } from './build-board';

const PAD = 64;
const GAP = 24;
const CAPTION = 48;

export function buildFigJamBoard(plan: BoardPlan): BuiltBoard {
  const section = figma.createSection();
  section.name = `brandlock moodboard · ${plan.title}`;
  section.fills = [solid(PAPER)];
  const width = plan.columns * plan.cellWidth + (plan.columns - 1) * GAP;
  let y = PAD;
  const place = <T extends SceneNode>(node: T, x = PAD, gapAfter = 12): T => {
    section.appendChild(node);
    node.x = x;
    node.y = y;
    y += node.height + gapAfter;
    return node;
  };
  place(createText(plan.title, { font: BOARD_FONTS.semibold, size: 44, color: INK, width }), PAD, 8);
  if (plan.subtitle) place(createText(plan.subtitle, { font: BOARD_FONTS.regular, size: 18, color: MUTED, width }));
  if (plan.facts.length) place(createText(plan.facts.join('     '), { font: BOARD_FONTS.regular, size: 15, color: INK, width }));
  const status = place(createText(plan.honestyNote ?? `Waiting for ${plan.cells.length} images…`, { font: BOARD_FONTS.medium, size: 14, color: INK, width }), PAD, 40);
  status.name = 'Status';

  plan.groups.forEach((group, g) => {
    place(createText(group.detail ? `${group.title}   ${group.detail}` : group.title, { font: BOARD_FONTS.semibold, size: 20, color: INK, width }), PAD, 16);
    const cells = plan.cells.filter((c) => c.group === g);
    cells.forEach((cell, i) => {
      const col = i % plan.columns;
      const top = y + Math.floor(i / plan.columns) * (plan.imageHeight + CAPTION + GAP);
      const x = PAD + col * (plan.cellWidth + GAP);
      const image = figma.createRectangle();
      image.name = `Image ${cell.index + 1}`;
      image.resize(plan.cellWidth, plan.imageHeight);
      image.fills = [solid(PLACEHOLDER)];
      image.cornerRadius = 4;
      section.appendChild(image);
      image.x = x;
      image.y = top;
      const caption = createText(cell.caption, { font: BOARD_FONTS.medium, size: 14, color: MUTED, width: plan.cellWidth });
      caption.name = 'Caption';
      section.appendChild(caption);
      caption.x = x;
      caption.y = top + plan.imageHeight + 8;
      writeCell(image, { index: cell.index, jobId: cell.jobId, seed: cell.seed, prompt: cell.prompt.slice(0, 2000), caption: cell.caption, captionId: caption.id, placed: false });
    });
    y += Math.ceil(cells.length / plan.columns) * (plan.imageHeight + CAPTION + GAP) + 24;
  });

  const swatches = plan.swatches.filter((s) => hexToRgb(s.hex));
  if (swatches.length) {
    place(createText('Palette', { font: BOARD_FONTS.semibold, size: 20, color: INK }), PAD, 16);
    const perRow = Math.max(1, Math.floor((width + 16) / (112 + 16)));
    swatches.forEach((s, i) => {
      const x = PAD + (i % perRow) * 128;
      const top = y + Math.floor(i / perRow) * 120;
      const chip = figma.createRectangle();
      chip.name = s.hex;
      chip.resize(112, 72);
      chip.cornerRadius = 4;
      chip.fills = [solid(hexToRgb(s.hex)!)];
      section.appendChild(chip);
      chip.x = x;
      chip.y = top;
      const label = createText(s.code ? `${s.name}\u2028${s.hex} · ${s.code}` : `${s.name}\u2028${s.hex}`, { font: BOARD_FONTS.regular, size: 11, color: INK, width: 112 });
      section.appendChild(label);
      label.x = x;
      label.y = top + 78;
    });
    y += Math.ceil(swatches.length / perRow) * 120 + 24;
  }

  const sticky = figma.createSticky();
  sticky.isWideWidth = true;
  sticky.text.characters = plan.notes || 'Art direction notes: what to keep, what to change, which images to shoot.';
  place(sticky, PAD, 0);
  section.resizeWithoutConstraints(width + 2 * PAD, y + PAD);
  return { board: section, statusId: status.id };
}
