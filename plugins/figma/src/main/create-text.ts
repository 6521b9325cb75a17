/** Creates a text layer with a loaded font, size, colour and an optional fixed width that wraps. */
import type { Rgb } from '../protocol/geometry';

export interface TextStyle {
  font: FontName;
  size: number;
  color: Rgb;
  /** Fixed width: the text wraps and the layer grows in height. Omitted: it grows in width. */
  width?: number;
  lineHeightPercent?: number;
  opacity?: number;
}

/** The caller must have loaded `style.font` (see loadFontAsync); Figma refuses the edit otherwise. */
export function createText(content: string, style: TextStyle): TextNode {
  const t = figma.createText();
  t.fontName = style.font;
  t.fontSize = style.size;
  t.characters = content;
  if (style.lineHeightPercent) t.lineHeight = { unit: 'PERCENT', value: style.lineHeightPercent };
  t.fills = [{ type: 'SOLID', color: style.color, opacity: style.opacity ?? 1 }];
  if (style.width !== undefined) {
    t.resize(style.width, Math.max(1, t.height));
    t.textAutoResize = 'HEIGHT';
  }
  return t;
}
