/**
 * What brandlock knows about a photo in the asset library, measured the way QC measures: the kind of
 * shot and the garment category (estimated, see estimate-kind and estimate-category), the SKU in the
 * name, the garment's colour (QC's robust median) with the nearest palette swatch and its ΔE00, the
 * backdrop (cut-out, white, an even colour, or a surface) and quality findings that say whether the
 * photo can be a production source: too small, no garment found, soft, clipped, a cast backdrop.
 */
import type { BrandLock } from '../brand/brand-lock';
import { labToSrgb, type Lab } from '../color/lab';
import { nearestSwatch } from '../color/nearest-swatch';
import { measureCast } from '../color/balance/measure-cast';
import { measureBackground, backgroundPixels } from '../qc/measure/background-stats';
import { measureSwatch } from '../qc/measure/measure-swatch';
import { measureSubjectDetail } from '../qc/measure/subject-detail';
import type { QcImage } from '../qc/qc-image';
import type { ImageFileFacts } from '../qc/qc-context';
import { hexOf } from '../palette-import/number-text';
import { estimateCategory } from './estimate-category';
import { estimateKind, type KindEstimate } from './estimate-kind';
import { findSku } from './find-sku';

export interface LibraryFinding {
  code: 'too-small' | 'small' | 'no-garment' | 'soft' | 'clipped' | 'backdrop-cast' | 'surface-backdrop';
  /** `unusable`: not a production source; `warn`: usable with care. */
  severity: 'unusable' | 'warn';
  message: string;
}

export interface LibraryImageFacts {
  kind: KindEstimate;
  category: string | null;
  categoryWord: string | null;
  sku: string | null;
  color: { lab: Lab; hex: string } | null;
  swatch: { id: string; name: string; deltaE: number; withinTolerance: boolean } | null;
  backdrop: { kind: 'transparent' | 'white' | 'even' | 'surface' | 'none'; hex: string | null; p95DeltaE: number | null; cast: { deltaE: number; direction: string } | null };
  /** QC's sharpness measure: the blur radius of the garment's outline at 100%, px (lower is sharper). */
  sharpness: number;
  findings: LibraryFinding[];
  usable: boolean;
}

const hexOfLab = (lab: Lab) => hexOf(...labToSrgb(lab));
const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * @example describeLibraryImage(image, facts, 'flatlay/NF-1001_shirt.jpg', lock, ['NF-1001'])
 */
export function describeLibraryImage(image: QcImage, facts: ImageFileFacts, relativePath: string, lock: BrandLock | null, knownSkus: readonly string[] = []): LibraryImageFacts {
  const findings: LibraryFinding[] = [];
  const transparent = facts.hasAlpha && image.lab.alpha !== null && countBelow(image.lab.alpha, 128) > image.lab.alpha.length * 0.05;
  const background = measureBackground(image);
  const kind = estimateKind(relativePath, background, transparent);
  const cat = lock ? estimateCategory(relativePath, lock) : { category: null, word: null };
  const garment = measureSwatch(image);
  const near = garment && lock ? nearestSwatch(garment.lab, lock.palette) : null;
  const detail = measureSubjectDetail(image);
  const long = Math.max(facts.width, facts.height);
  if (long < 512) findings.push({ code: 'too-small', severity: 'unusable', message: `${facts.width}x${facts.height}: below 512 px on the long side` });
  else if (long < 1000) findings.push({ code: 'small', severity: 'warn', message: `${facts.width}x${facts.height}: below 1000 px on the long side; fine detail will be invented, not kept` });
  if (!garment) findings.push({ code: 'no-garment', severity: 'unusable', message: 'no garment found against the backdrop' });
  const category = cat.category && lock ? lock.categories.find((c) => c.id === cat.category) : undefined;
  const maxBlur = category?.qc.maxBlurPx ?? 1.1;
  if (garment && detail.blurPx > maxBlur) findings.push({ code: 'soft', severity: 'warn', message: `edges blurred over ${r2(detail.blurPx)} px at 100%, above ${maxBlur}${category ? ` (${category.id}'s limit)` : ''}` });
  if (detail.highlightClipPct > 5 || detail.shadowClipPct > 5) findings.push({ code: 'clipped', severity: 'warn', message: `${r1(detail.highlightClipPct)}% of the garment clipped to white, ${r1(detail.shadowClipPct)}% to black` });
  let cast: LibraryImageFacts['backdrop']['cast'] = null;
  let backdropKind: LibraryImageFacts['backdrop']['kind'] = transparent ? 'transparent' : background ? 'even' : 'none';
  if (background && !transparent) {
    const measured = measureCast(image.proxy, { method: 'neutral-region', mask: backgroundPixels(image) });
    if (measured.success) cast = { deltaE: r1(measured.cast.deltaE), direction: measured.cast.direction };
    if (background.median.l > 97 && background.p95DeltaE < 2) backdropKind = 'white';
    else if (background.p95DeltaE > 5) backdropKind = 'surface';
    if (cast && cast.deltaE > 3) findings.push({ code: 'backdrop-cast', severity: 'warn', message: `the backdrop has a ${cast.direction} cast of ΔE00 ${cast.deltaE}` });
    if (backdropKind === 'surface') findings.push({ code: 'surface-backdrop', severity: 'warn', message: `the garment lies on a visible surface (backdrop varies by ΔE00 ${r1(background.p95DeltaE)}); cleanup to the brand backdrop may fail` });
  }
  return {
    kind,
    category: cat.category,
    categoryWord: cat.word,
    sku: findSku(relativePath.split(/[\\/]/).pop() ?? relativePath, knownSkus),
    color: garment ? { lab: { l: r2(garment.lab.l), a: r2(garment.lab.a), b: r2(garment.lab.b) }, hex: hexOfLab(garment.lab) } : null,
    swatch: near ? { id: near.swatch.id, name: near.swatch.name, deltaE: Math.round(near.deltaE * 100) / 100, withinTolerance: near.withinTolerance } : null,
    backdrop: { kind: backdropKind, hex: background && !transparent ? hexOfLab(background.median) : null, p95DeltaE: background && !transparent ? r1(background.p95DeltaE) : null, cast },
    sharpness: Number.isFinite(detail.blurPx) ? r2(detail.blurPx) : 0,
    findings,
    usable: !findings.some((f) => f.severity === 'unusable'),
  };
}

function countBelow(values: ArrayLike<number>, limit: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < limit) n++;
  return n;
}
