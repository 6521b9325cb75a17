/**
 * A palette study: the lock's swatches as flat colour chips with their names, codes and hex, so a
 * board shows the colour story as the brand defined it. Labelled as a study.
 */
import sharp from 'sharp';
import { labToSrgb, parseColor, type Swatch } from '@brandlock/core';
import { escapeXml, studyLabelSvg } from './study-label';

function hexOf(color: string): string {
  const parsed = parseColor(color);
  if (!parsed.success) return '#808080';
  if (parsed.hex) return parsed.hex;
  return `#${labToSrgb(parsed.lab).map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
}

export async function renderPaletteStudy(input: { swatches: readonly Swatch[]; width: number; height: number; title: string; background: string }): Promise<Uint8Array> {
  const { width, height, swatches } = input;
  const columns = swatches.length <= 4 ? 2 : 3;
  const rows = Math.max(1, Math.ceil(swatches.length / columns));
  const pad = Math.round(width * 0.05);
  const captionBand = Math.round(width * 0.16);
  const cellW = (width - pad * (columns + 1)) / columns;
  const cellH = (height - captionBand - pad * (rows + 1)) / rows;
  const font = Math.max(10, Math.round(width / 48));
  const chips = swatches.map((s, i) => {
    const x = pad + (i % columns) * (cellW + pad);
    const y = pad + Math.floor(i / columns) * (cellH + pad);
    const chipH = cellH - font * 3;
    return [
      `<rect x="${x}" y="${y}" width="${cellW}" height="${chipH}" fill="${hexOf(s.color)}" stroke="#00000022"/>`,
      `<text x="${x}" y="${y + chipH + font * 1.3}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="#1b1b1b">${escapeXml(s.name)}</text>`,
      `<text x="${x}" y="${y + chipH + font * 2.5}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font * 0.8)}" fill="#555555">${escapeXml([s.code, s.color].filter(Boolean).join('  '))}</text>`,
    ].join('');
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${hexOf(input.background)}"/>${chips.join('')}</svg>`;
  const caption = studyLabelSvg(width, height, 'PALETTE STUDY (brand swatches, not a photograph)', [input.title]);
  const png = await sharp(Buffer.from(svg)).composite([{ input: Buffer.from(caption), top: 0, left: 0 }]).flatten({ background: '#ffffff' }).png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(png);
}
