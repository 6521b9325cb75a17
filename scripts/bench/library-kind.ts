/**
 * How well the asset library estimates the kind of shot (flat-lay / ghost / on-model) and the garment
 * category, scored on samples/photos, whose folders are the ground truth (flatlay/, packshot/ =
 * ghost-mannequin style, on-model/; other/ is a lifestyle shot with no kind and is left out).
 * Scored twice: as `library add` sees the repo (file and folder names count), and from the pixels
 * alone (every name hidden), which is what an unorganised dump of old photos gets. Prints agreement
 * and the confusion matrix; the category is scored against a hand label per file (below).
 * Usage: npm run bench -- library-kind
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeLibraryImage, loadBrandLock } from '../../core/src/index';
import { readPhotoForMeasure } from '../../server/src/lock-setup/read-photo-for-measure';

// run-ts bundles this file elsewhere, so paths start from the repo root, where npm run bench runs.
const root = process.cwd();
const lockRes = loadBrandLock(JSON.parse(readFileSync(join(root, 'samples/brand-lock.json'), 'utf8')));
if (!lockRes.success) throw new Error('sample lock invalid');
const TRUTH: Record<string, string> = { flatlay: 'flat-lay', packshot: 'ghost', 'on-model': 'on-model' };
// The garment each photo shows, labelled by hand, as the sample lock's category for it.
const CATEGORY: Record<string, string> = {
  'cd-blazer-cream-white-sheet.jpg': 'outerwear', 'cd-denim-shorts-quilted-cover.jpg': 'denim', 'cd-dress-black-grey-blanket.jpg': 'eveningwear',
  'cd-skirt-wood-floor-warm-cast.jpg': 'wovens', 'cd-tshirt-black-grey-blanket.jpg': 'jersey', 'cd-tshirt-print-patterned-sheet.jpg': 'jersey',
  'solidus-longsleeve-black-white-bg.jpg': 'jersey', 'solidus-tee-black-angled-cutout.png': 'jersey', 'solidus-tee-blue-white-bg.jpg': 'jersey',
  'solidus-tee-white-on-white.jpg': 'jersey', 'solidus-womens-tee-white-on-white.jpg': 'jersey', 'payload-cap-black-cutout.png': 'jersey',
  'payload-tshirt-black-cutout.png': 'jersey', 'payload-tshirt-white-cutout.png': 'jersey', 'solidus-beanie-black-cutout.png': 'knitwear',
  'solidus-hoodie-black-cutout.png': 'jersey', 'solidus-hoodie-blue-white-bg.jpg': 'jersey', 'solidus-hoodie-red-cutout.png': 'jersey',
  'solidus-longsleeve-red-cutout.png': 'jersey', 'solidus-polo-red-navy-white-bg.jpg': 'jersey', 'solidus-zip-hoodie-grey-white-bg.jpg': 'jersey',
  'solidus-hoodie-red-onmodel-cutout.png': 'jersey', 'solidus-tote-onmodel-black-outfit-cutout.png': 'jersey',
};

const kinds = ['flat-lay', 'ghost', 'on-model'];
const matrix = (label: string) => ({ label, n: 0, agree: 0, cells: new Map<string, number>() });
const named = matrix('with file and folder names');
const pixels = matrix('pixels only (names hidden)');
let catN = 0;
let catAgree = 0;
let catNone = 0;
for (const folder of Object.keys(TRUTH)) {
  for (const file of readdirSync(join(root, 'samples/photos', folder)).sort()) {
    const { image, facts } = await readPhotoForMeasure(join(root, 'samples/photos', folder, file));
    const truth = TRUTH[folder];
    for (const [m, path] of [[named, `${folder}/${file}`], [pixels, `photo.${file.split('.').pop()}`]] as const) {
      const d = describeLibraryImage(image, facts, path, lockRes.lock);
      m.n++;
      if (d.kind.kind === truth) m.agree++;
      const key = `${truth}>${d.kind.kind}`;
      m.cells.set(key, (m.cells.get(key) ?? 0) + 1);
      if (m === named) {
        catN++;
        if (d.category === null) catNone++;
        else if (d.category === CATEGORY[file]) catAgree++;
      }
    }
  }
}
for (const m of [named, pixels]) {
  console.log(`kind, ${m.label}: agreement ${m.agree}/${m.n} (${((100 * m.agree) / m.n).toFixed(0)}%)`);
  console.log(`  truth \\ estimate ${kinds.map((k) => k.padStart(9)).join('')}`);
  for (const t of kinds) console.log(`  ${t.padEnd(16)} ${kinds.map((e) => String(m.cells.get(`${t}>${e}`) ?? 0).padStart(9)).join('')}`);
}
console.log(`category from names: ${catAgree}/${catN} agree with the hand label, ${catNone} left for a person (no garment word), ${catN - catAgree - catNone} wrong`);
