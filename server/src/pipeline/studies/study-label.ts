/**
 * The caption band every study carries, so nobody mistakes a study for a product photo: a title that
 * says what it is, and lines of detail. Rendered from SVG with every text XML-escaped (lock names
 * are user input).
 */

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** An SVG the size of the image with a caption band at the bottom. */
export function studyLabelSvg(width: number, height: number, title: string, lines: string[]): string {
  const size = Math.max(12, Math.round(width / 34));
  const band = Math.round(size * (2.4 + lines.length * 1.35));
  const y0 = height - band;
  const text = [
    `<text x="${size}" y="${y0 + size * 1.6}" font-family="DejaVu Sans, sans-serif" font-size="${size}" font-weight="bold" fill="#1b1b1b">${escapeXml(title)}</text>`,
    ...lines.map((l, i) => `<text x="${size}" y="${y0 + size * (2.95 + i * 1.35)}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(size * 0.8)}" fill="#333333">${escapeXml(l)}</text>`),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0" y="${y0}" width="${width}" height="${band}" fill="#ffffff" fill-opacity="0.86"/>${text.join('')}</svg>`;
}
