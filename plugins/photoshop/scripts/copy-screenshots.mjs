// Copies the panel screenshots `npm test` made (plugins/photoshop/dist/screenshots, from
// test/screenshots.test.ts) into docs/img/photoshop for the README and docs/photoshop.md: the two
// contact sheets (every tab and state, darkest and lightest theme) and each state of each tab in the
// darkest theme, as palette PNGs to keep the repository small. Run after `npm test`:
//   node plugins/photoshop/scripts/copy-screenshots.mjs
import sharp from 'sharp';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../dist/screenshots/', import.meta.url));
const to = fileURLToPath(new URL('../../../docs/img/photoshop/', import.meta.url));
if (!existsSync(join(from, 'panel-darkest.png'))) {
  console.error(`copy-screenshots: no screenshots in ${from}; run npx vitest run plugins/photoshop/test/screenshots.test.ts first`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
const wanted = readdirSync(from).filter((f) => /^panel-(darkest|lightest)\.png$/.test(f) || /-(idle|running|done|error|ask|video)-darkest\.png$/.test(f));
for (const name of wanted) {
  await sharp(join(from, name)).png({ palette: true, quality: 85, compressionLevel: 9 }).toFile(join(to, name));
}
console.log(`copy-screenshots: ${wanted.length} images to ${to}`);
