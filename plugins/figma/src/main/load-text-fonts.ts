/** Loads every font a text node uses (Figma refuses text edits until they are loaded). */
export async function loadTextFontsAsync(node: TextNode): Promise<void> {
  const fonts = node.characters.length > 0 ? node.getRangeAllFontNames(0, node.characters.length) : [node.fontName as FontName];
  await Promise.all(fonts.map((f) => figma.loadFontAsync(f)));
}
