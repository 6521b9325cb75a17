/**
 * Places copy in a variant frame at the largest size that fits its box: core's copy-fit chooses the
 * size, measuring every candidate line with a real Figma text layer (Figma lays the text out with the
 * actual font; nothing here estimates glyph widths). The scratch layer is removed. The copy is one
 * text layer the size of its box, wrapped by Figma (no hard line breaks), so a designer who edits the
 * words sees them re-wrap; its record keeps the fitted size and the measured contrast.
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
  writeRecord(node, 'copy-fit', { size: node.fontSize, fits: fit.success, box: overlay.box, lines: fit.success ? fit.lines.length : null, contrast: overlay.contrast ?? null });
  return { fontSize: node.fontSize, overflow: !fit.success, brokeWords: fit.success && fit.brokeWords };
}
