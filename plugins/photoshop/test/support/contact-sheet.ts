// Lays the panel's screenshots out as one image per theme: a row per tab, a column per state, each
// cell labelled, so the README can show every tab and state at once.
import sharp, { type OverlayOptions } from 'sharp';
import { existsSync } from 'node:fs';

export async function contactSheet(cells: { row: string; column: string; path: string }[][], out: string, width: number, height: number): Promise<void> {
  const label = 22;
  const columns = Math.max(...cells.map((r) => r.length));
  const gap = 8;
  const W = columns * (width + gap) + gap;
  const H = cells.length * (height + label + gap) + gap;
  const parts: OverlayOptions[] = [];
  cells.forEach((row, y) =>
    row.forEach((cell, x) => {
      const left = gap + x * (width + gap);
      const top = gap + y * (height + label + gap);
      const text = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${label}"><text x="2" y="15" font-family="sans-serif" font-size="13" fill="#888">${cell.row} · ${cell.column}</text></svg>`;
      parts.push({ input: Buffer.from(text), left, top });
      if (existsSync(cell.path)) parts.push({ input: cell.path, left, top: top + label });
    }),
  );
  await sharp({ create: { width: W, height: H, channels: 3, background: '#1e1e1e' } }).composite(parts).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(out);
}
