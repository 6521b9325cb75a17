/**
 * Measures the garment colour of every source photo in a brief the way production sees it (the
 * category's LUT and white balance applied, exposure left alone), and prints each row's measured Lab
 * beside its swatch with the ΔE00 between them. The sample brief's swatches were checked with this:
 * a swatch is the colour of the physical fabric, and the stand-in photos must agree with it.
 * Usage: node scripts/run-ts.mjs scripts/measure-sample-garments.ts samples/brief.csv samples/brand-lock.json
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deltaE2000, loadBrandLock, parseBrief, parseCubeOrThrow, planBrief, postProcessRaster, prepareLut, prepareQcImage, measureSwatch } from '../core/src/index';
import { decodeImage } from '../server/src/pipeline/decode-image';

const [briefPath = 'samples/brief.csv', lockPath = 'samples/brand-lock.json'] = process.argv.slice(2);
const res = loadBrandLock(JSON.parse(readFileSync(lockPath, 'utf8')));
if (!res.success) throw new Error(`${lockPath} is not a valid lock`);
const { lock } = res;
const plan = planBrief(parseBrief(readFileSync(briefPath, 'utf8')).brief, lock);
const seen = new Set<string>();
for (const job of plan.jobs) {
  if (seen.has(job.sku) || !job.sources[0]) continue;
  seen.add(job.sku);
  const category = lock.categories.find((c) => c.id === job.category)!;
  const lutRef = category.lut ? lock.luts.find((l) => l.id === category.lut)! : null;
  const lut = lutRef ? { id: lutRef.id, table: prepareLut(parseCubeOrThrow(readFileSync(join(dirname(lockPath), lutRef.file), 'utf8')), 8) } : null;
  const { raster } = await decodeImage(readFileSync(join(dirname(briefPath), job.sources[0])), { depth: 8 });
  const lighting = lock.lighting.find((l) => l.id === category.lighting)!;
  const posted = postProcessRaster(raster, { lighting, lut, swatch: null }, { maxEvCorrection: 0 });
  const garment = measureSwatch(prepareQcImage(posted.raster))?.lab;
  if (!garment) {
    console.log(`${job.sku}: no garment found`);
    continue;
  }
  const f = (v: number) => v.toFixed(1);
  console.log(`${job.sku.padEnd(11)} ${job.swatch.name.padEnd(13)} measured lab(${f(garment.l)} ${f(garment.a)} ${f(garment.b)})  swatch lab(${f(job.swatch.lab.l)} ${f(job.swatch.lab.a)} ${f(job.swatch.lab.b)})  ΔE00 ${deltaE2000(garment, job.swatch.lab).toFixed(2)}`);
}
