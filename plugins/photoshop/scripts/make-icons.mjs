// Renders the plugin's PNG icons from the SVG drawings below, at Adobe's documented sizes and names
// (guides/uxp-guide/uxp-misc/plugin-icons): panel glyphs for dark and light themes at 23 and 46 px,
// the plugin-list icon at 24 and 48 px, each file named @1x / @2x. Run after changing a drawing:
//   node plugins/photoshop/scripts/make-icons.mjs
// The PNGs are committed; the .ccx check reads their sizes back.
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../icons/', import.meta.url));
mkdirSync(out, { recursive: true });

/** A padlock whose body is a colour swatch: the Brand Lock. Drawn on a 24-unit grid. */
const glyph = (ink) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <path d="M7.5 10.5V7.5a4.5 4.5 0 0 1 9 0v3" fill="none" stroke="${ink}" stroke-width="2" stroke-linecap="round"/>
  <rect x="4" y="10.5" width="16" height="11" rx="2" fill="none" stroke="${ink}" stroke-width="1.8"/>
  <rect x="7" y="13.5" width="3" height="5" fill="${ink}"/>
  <rect x="10.5" y="13.5" width="3" height="5" fill="${ink}" opacity="0.7"/>
  <rect x="14" y="13.5" width="3" height="5" fill="${ink}" opacity="0.4"/>
</svg>`;

const pluginIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">
  <rect x="1" y="1" width="46" height="46" rx="9" fill="#1d3b3a"/>
  <path d="M16 22v-5a8 8 0 0 1 16 0v5" fill="none" stroke="#f4f1ec" stroke-width="3.4" stroke-linecap="round"/>
  <rect x="10" y="21" width="28" height="20" rx="3.5" fill="#f4f1ec"/>
  <rect x="14.5" y="26" width="5.5" height="10" rx="1" fill="#c8553d"/>
  <rect x="21.25" y="26" width="5.5" height="10" rx="1" fill="#e0a458"/>
  <rect x="28" y="26" width="5.5" height="10" rx="1" fill="#3f7d74"/>
</svg>`;

const icons = [
  ['panel-dark', glyph('#d4d4d4'), 23],
  ['panel-light', glyph('#4b4b4b'), 23],
  ['plugin', pluginIcon, 24],
];

for (const [name, svg, size] of icons) {
  for (const scale of [1, 2]) {
    const px = size * scale;
    const file = `${out}${name}@${scale}x.png`;
    await sharp(Buffer.from(svg), { density: 72 * (px / 24) * 4 }).resize(px, px).png().toFile(file);
    console.log(`wrote ${file} (${px}x${px})`);
  }
}
