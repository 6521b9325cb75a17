/**
 * Places copy in a variant frame at the largest size that fits its box: core's copy-fit chooses the
 * size, measuring every candidate line with a real Figma text layer (Figma lays the text out with the
 * actual font; nothing here estimates glyph widths). The scratch layer is removed. The copy is one
 * text layer the size of its box, wrapped by Figma (no hard line breaks), so a designer who edits the
 * words sees them re-wrap; its record keeps the fitted size and the measured contrast. When the copy
 * colour alone does not read, a translucent "Legibility plate" rectangle goes behind the text box
 * (padded, inside the frame), so the frame exports legible copy rather than only a warning.
 */
import { fitCopy } from '@brandlock/core/channels';
import type { TextOverlayPlan } from '../../protocol/variants';
import { PluginError } from '../../bus/bus-errors';
import { writeRecord } from '../records/brandlock-data';

const LINE_HEIGHT = 1.2;

export interface PlacedOverlay {
  fontSize: number;
  overflow: boolean;
  brokeWords: boolean;
}

export async function placeOverlayAsync(frame: FrameNode, overlay: TextOverlayPlan): Promise<PlacedOverlay> {
  const font = { family: overlay.font.family, style: overlay.font.style };
  await figma.loadFontAsync(font);
  // One paragraph: Figma wraps it in the box; a typed line break would stay stale after an edit.
  const text = String(overlay.text).replace(/\s*\n\s*/g, ' ');
  if (text.length > 500) throw new PluginError('bad-request', `Overlay copy is ${text.length} characters; at most 500 fit an image`);
  const probe = figma.createText();
  frame.appendChild(probe);
  probe.visible = false;
  probe.fontName = font;
  probe.textAutoResize = 'WIDTH_AND_HEIGHT';
  const measure = (line: string, size: number) => {
    probe.fontSize = size;
    probe.characters = line || ' ';
    return probe.width;
  };
  const fit = fitCopy({ text, box: overlay.box, measure, minSize: overlay.minSize, maxSize: overlay.maxSize, lineHeight: LINE_HEIGHT });
  probe.remove();

  if (overlay.plate) placePlate(frame, overlay);
  const node = figma.createText();
  frame.appendChild(node);
  node.name = 'Copy';
  node.fontName = font;
  node.fontSize = fit.success ? fit.fontSize : overlay.minSize;
  node.lineHeight = { unit: 'PERCENT', value: LINE_HEIGHT * 100 };
  node.characters = text;
  node.fills = [{ type: 'SOLID', color: overlay.color }];
  node.textAlignHorizontal = overlay.align;
  node.textAlignVertical = overlay.vertical;
  node.textAutoResize = 'NONE';
  node.resize(overlay.box.width, overlay.box.height);
  node.x = overlay.box.x;
  node.y = overlay.box.y;
  writeRecord(node, 'copy-fit', { size: node.fontSize, fits: fit.success, box: overlay.box, lines: fit.success ? fit.lines.length : null, contrast: overlay.contrast ?? null, plate: overlay.plate ?? null });
  return { fontSize: node.fontSize, overflow: !fit.success, brokeWords: fit.success && fit.brokeWords };
}

/** The scrim under the copy box, padded by a quarter of the smallest type size and kept inside the frame. */
function placePlate(frame: FrameNode, overlay: TextOverlayPlan): void {
  const plate = overlay.plate!;
  const pad = Math.round(overlay.minSize / 4);
  const x = Math.max(0, overlay.box.x - pad);
  const y = Math.max(0, overlay.box.y - pad);
  const rect = figma.createRectangle();
  frame.appendChild(rect);
  rect.name = 'Legibility plate';
  rect.x = x;
  rect.y = y;
  rect.resize(Math.min(frame.width, overlay.box.x + overlay.box.width + pad) - x, Math.min(frame.height, overlay.box.y + overlay.box.height + pad) - y);
  rect.fills = [{ type: 'SOLID', color: plate.color, opacity: plate.opacity }];
}
