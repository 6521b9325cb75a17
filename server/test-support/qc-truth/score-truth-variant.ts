/**
 * Runs QC on one ground-truth variant as the CLI does (encode to a JPEG file's bytes, decode with
 * sharp, full rule set) against the truth lock, and returns QC's verdict and measures beside the
 * expected ones. The truth lock is the sample lock with the two categories used here sized to the
 * variants, so the master's resolution and aspect are not what is judged.
 */
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { buildQcContext, deltaE2000, exposureEv, labToHex, loadBrandLock, prepareQcImage, runQcRules, type BrandLock, type Finding, type QcMetrics, type QcContext, type Raster, type TargetSwatch, type Verdict } from '@brandlock/core';
import { decodeForQc } from '../../src/pipeline/qc/decode-for-qc';
import { BACKDROP_RGB, type TruthSetting } from './truth-bases';
import { realisedOffset, type TruthReference, type TruthVariant } from './truth-variants';
import { expectedVerdict } from './expected-verdict';

const root = new URL('../../../', import.meta.url).pathname;

/** The lock category each setting is judged by. */
export const CATEGORY_OF: Readonly<Record<TruthSetting, string>> = { 'packshot-white': 'basics-packshot', 'studio-warm': 'jersey' };

/** The sample lock with the truth categories' masters at `size` x `size`. */
export function truthLock(size: number): BrandLock {
  const doc = JSON.parse(readFileSync(`${root}samples/brand-lock.json`, 'utf8'));
  for (const c of doc.categories) if (Object.values(CATEGORY_OF).includes(c.id)) c.recipe = { ...c.recipe, width: size, height: size };
  const res = loadBrandLock(doc);
  if (!res.success) throw new Error(res.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return res.lock;
}

/** The reference swatch as a brief's target (tolerance: the category's). */
export function targetOf(ref: TruthReference, lock: BrandLock, setting: TruthSetting): TargetSwatch {
  const category = lock.categories.find((c) => c.id === CATEGORY_OF[setting])!;
  return { input: 'pinned', lab: ref.lab, hex: labToHex(ref.lab), swatchId: null, name: 'pinned from the base photo', tolerance: category.qc.maxDeltaE00 };
}

export interface TruthScore {
  variant: Omit<TruthVariant, 'raster'>;
  expected: Verdict;
  reasons: string[];
  verdict: Verdict;
  /** QC's ΔE00 against the reference, or null when it did not measure colour. */
  measuredDeltaE: number | null;
  /** QC's ΔE00 minus the true one. */
  deltaEError: number | null;
  failing: string[];
  findings: Finding[];
  /** Everything QC measured (the batch's drift checks read these). */
  metrics: QcMetrics;
}

/** The bytes of a variant as a photographer would deliver it: blurred if asked, JPEG with an sRGB profile. */
export async function encodeVariant(v: TruthVariant): Promise<Buffer> {
  const { width, height, data } = v.raster;
  let img = sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } }).removeAlpha();
  // A true Gaussian: sharp's default kernel stops at amplitude 0.2, which blurs about 15% less than its sigma says.
  if (v.truth.blurPx > 0) img = sharp(await img.blur({ sigma: v.truth.blurPx, minAmplitude: 0.001, precision: 'float' }).png({ compressionLevel: 1 }).toBuffer());
  const q = v.truth.jpegQuality;
  return img.withIccProfile('srgb').jpeg(q >= 90 ? { quality: q, chromaSubsampling: '4:4:4' } : { quality: q }).toBuffer();
}

/**
 * Scores a variant; `original` is the base's own file decoded, against which a recolour's offset is
 * measured as the file carries it (see realisedOffset).
 * @example const score = await scoreTruthVariant(variant, ref, lock, original); score.verdict === score.expected
 */
export async function scoreTruthVariant(variant: TruthVariant, ref: TruthReference, lock: BrandLock, original?: Raster): Promise<TruthScore & { decoded: Raster }> {
  const bytes = new Uint8Array(await encodeVariant(variant));
  const decoded = await decodeForQc(bytes);
  let v = variant;
  if (v.offset && original) {
    const o = realisedOffset(decoded.raster, original, ref.mask, ref.lab);
    const shifted = { l: ref.lab.l + o.l, a: ref.lab.a + o.a, b: ref.lab.b + o.b };
    v = { ...v, truth: { ...v.truth, deltaE: deltaE2000(ref.lab, shifted), ev: exposureEv(shifted.l, ref.lab.l) } };
  }
  const category = lock.categories.find((c) => c.id === CATEGORY_OF[v.setting])!;
  const swatch = targetOf(ref, lock, v.setting);
  const ctx: QcContext = buildQcContext(lock, { category, channel: null, swatch, file: decoded.facts });
  const image = prepareQcImage(decoded.raster, { proxy: decoded.proxy, matte: BACKDROP_RGB[v.setting] });
  const result = runQcRules(image, ctx);
  const expected = expectedVerdict(v.truth, ctx);
  const color = result.findings.find((f) => f.check === 'delta-e');
  const measuredDeltaE = result.metrics.garment ? deltaE2000(ref.lab, result.metrics.garment) : null;
  const { raster: _raster, ...rest } = v;
  return {
    decoded: decoded.raster,
    variant: rest,
    expected: expected.verdict,
    reasons: expected.reasons,
    verdict: result.verdict,
    measuredDeltaE: typeof color?.measured === 'number' ? measuredDeltaE : null,
    deltaEError: typeof color?.measured === 'number' && measuredDeltaE !== null ? measuredDeltaE - v.truth.deltaE : null,
    failing: result.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject').map((f) => `${f.rule}/${f.check} ${f.severity}: ${f.message}`),
    findings: result.findings,
    metrics: result.metrics,
  };
}
