/**
 * Places a text overlay in a variant frame at the largest size that fits its box, measured with real
 * Figma text nodes (Figma lays the text out with the actual font; nothing here estimates glyph widths).
 * A scratch node wrapped at the box width gives the height; a second one with one word per line gives
 * the widest word. Both are removed; the overlay is left sized to its box and aligned in it.
 */
import type { TextOverlayPlan } from '../../protocol/variants';
import { fitFontSize, type TextMeasure } from '../../layout/fit-font-size';
import { PluginError } from '../../bus/bus-errors';

export async function placeOverlayAsync(frame: FrameNode, overlay: TextOverlayPlan): Promise<{ fontSize: number; overflow: boolean }> {
  const font = { family: overlay.font.family, style: overlay.font.style };
  await figma.loadFontAsync(font);
  const text = String(overlay.text);
  if (text.length > 500) throw new PluginError('bad-request', `Overlay copy is ${text.length} characters; at most 500 fit an image`);
  const wrapped = scratch(frame, font, text);
  wrapped.resize(overlay.box.width, Math.max(1, wrapped.height));
  wrapped.textAutoResize = 'HEIGHT';
  const words = scratch(frame, font, text.split(/\s+/).filter(Boolean).join('\n') || ' ');
  const measure = (size: number): TextMeasure => {
    wrapped.fontSize = size;
    words.fontSize = size;
    return { height: wrapped.height, widestWord: words.width };
  };
  const fit = fitFontSize(overlay.box, overlay.minSize, overlay.maxSize, measure);
  wrapped.remove();
  words.remove();

  const node = figma.createText();
  frame.appendChild(node);
  node.name = 'Copy';
  node.fontName = font;
  node.characters = text;
  node.fontSize = fit.size;
  node.fills = [{ type: 'SOLID', color: overlay.color }];
  node.textAlignHorizontal = overlay.align;
  node.textAlignVertical = overlay.vertical;
  node.textAutoResize = 'NONE';
  node.resize(overlay.box.width, overlay.box.height);
  node.x = overlay.box.x;
  node.y = overlay.box.y;
  node.setPluginData('brandlock.copyFit', JSON.stringify({ size: fit.size, fits: fit.fits, box: overlay.box }));
  return { fontSize: fit.size, overflow: !fit.fits };
}

function scratch(frame: FrameNode, font: FontName, characters: string): TextNode {
  const t = figma.createText();
  frame.appendChild(t);
  t.visible = false;
  t.fontName = font;
  t.characters = characters;
  t.textAutoResize = 'WIDTH_AND_HEIGHT';
  return t;
}
