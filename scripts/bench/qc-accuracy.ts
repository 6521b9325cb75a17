/**
 * QC accuracy benchmark: QC's verdicts and swatch readings against ground truth on variants of the
 * real photos in samples/photos (server/test-support/qc-truth: recolours by a known ΔE00 ladder,
 * ±0.45/±1/±1.5 EV, clipped interior hotspots, backdrop casts, busy backdrops, blur, JPEG q40/q20,
 * prints and logos, white-on-white). Expected verdicts come from the truths and the lock's thresholds.
 * Prints agreement overall and per class, ΔE00 error vs truth, false rejects/flags of unmodified
 * photos, misses, the caught share of interior hotspots >= 3%, and a confusion table. Disagreements
 * are written to bench-out/qc-accuracy/ (JPEG + what was expected and why).
 * Run: npm run bench -- qc-accuracy   (QC_TRUTH_SIZE=600 QC_TRUTH_ONLY=polo QC_TRUTH_CLASSES=hotspot,blur
 * for a quick look at some bases or classes; QC_TRUTH_LIST=1 lists every variant; QC_TRUTH_DUMP=<file>
 * writes every variant's verdict and findings at full precision, one JSON line each, so a change meant
 * to leave QC's judgments alone, a speed-up, can be shown to: diff the files of two commits)
 */
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Raster, Verdict } from '@brandlock/core';
import { TRUTH_BASES, loadTruthBase } from '../../server/test-support/qc-truth/truth-bases';
import { TRUTH_CLASSES, truthReference, variantsOf } from '../../server/test-support/qc-truth/truth-variants';
import { busyBackdrop } from '../../server/test-support/qc-truth/busy-backdrop';
import { encodeVariant, scoreTruthVariant, truthLock, type TruthScore } from '../../server/test-support/qc-truth/score-truth-variant';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const out = join(root, 'bench-out', 'qc-accuracy');
const SIZE = Number(process.env.QC_TRUTH_SIZE ?? 1024);
const ONLY = process.env.QC_TRUTH_ONLY ?? '';
const CLASSES = (process.env.QC_TRUTH_CLASSES ?? '').split(',').filter(Boolean);
/** QC_TRUTH_LIST=1 prints every variant's verdict and ΔE00 reading beside its truth. */
const LIST = Boolean(process.env.QC_TRUTH_LIST);
const DUMP = process.env.QC_TRUTH_DUMP ? resolve(process.env.QC_TRUTH_DUMP) : null;
const VERDICTS: Verdict[] = ['pass', 'flag', 'reject'];

const TARGETS = { agreement: 0.95, meanAbs: 0.5, worst: 1.0, falseRejects: 0, falseFlags: 0.05, hotspots: 1 };

async function main(): Promise<void> {
  sharp.concurrency(1);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  if (DUMP) writeFileSync(DUMP, '');
  const lock = truthLock(SIZE);
  const started = performance.now();
  const load0 = loadavg()[0];
  console.log(`QC accuracy on ground-truth variants of samples/photos at ${SIZE} px; machine ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const scores: TruthScore[] = [];
  for (const [k, spec] of TRUTH_BASES.entries()) {
    if (ONLY && !spec.file.includes(ONLY)) continue;
    const base = await loadTruthBase(spec, SIZE);
    const ref = truthReference(base);
    if (!ref) {
      console.log(`  ${base.name}: no fabric to pin a swatch from; skipped`);
      continue;
    }
    const busy = await busyBackdrop(k, base.width, base.height);
    let original: Raster | undefined;
    for (const v of variantsOf(base, ref, busy).filter((x) => !CLASSES.length || x.cls === 'original' || CLASSES.includes(x.cls))) {
      const { decoded, ...s } = await scoreTruthVariant(v, ref, lock, original);
      if (v.cls === 'original') original = decoded;
      scores.push(s);
      if (DUMP) appendFileSync(DUMP, `${JSON.stringify({ base: base.name, variant: v.label, verdict: s.verdict, measuredDeltaE: s.measuredDeltaE, findings: s.findings, metrics: s.metrics })}\n`);
      if (LIST) console.log(`  ${base.name}, ${v.label}: ${s.verdict} (expected ${s.expected}); ΔE00 true ${v.truth.deltaE.toFixed(2)}, read ${s.measuredDeltaE?.toFixed(2) ?? '-'}`);
      if (s.verdict !== s.expected) {
        const name = `${base.name}--${v.label.replace(/[^a-z0-9.]+/gi, '-')}`;
        writeFileSync(join(out, `${name}.jpg`), await encodeVariant(v));
        writeFileSync(join(out, `${name}.json`), JSON.stringify({ expected: s.expected, because: s.reasons, got: s.verdict, failing: s.failing, truth: v.truth }, null, 2));
      }
    }
  }
  report(scores, started, load0);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function report(scores: TruthScore[], started: number, load0: number): void {
  const agree = (xs: TruthScore[]) => xs.filter((s) => s.verdict === s.expected).length;
  console.log(`\n${scores.length} variants in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const overall = agree(scores) / scores.length;
  console.log(`\nverdict agreement: ${agree(scores)}/${scores.length} = ${pct(overall)} (target >= ${pct(TARGETS.agreement)})`);
  for (const cls of TRUTH_CLASSES) {
    const xs = scores.filter((s) => s.variant.cls === cls);
    if (xs.length) console.log(`  ${cls.padEnd(14)} ${String(agree(xs)).padStart(4)}/${String(xs.length).padEnd(4)} ${pct(agree(xs) / xs.length).padStart(6)}`);
  }
  const wow = scores.filter((s) => s.variant.whiteOnWhite);
  if (wow.length) console.log(`  ${'white-on-white'.padEnd(14)} ${String(agree(wow)).padStart(4)}/${String(wow.length).padEnd(4)} ${pct(agree(wow) / wow.length).padStart(6)}   (every variant of the white garments on white)`);

  const graded = scores.filter((s) => s.deltaEError !== null && ['original', 'delta-e', 'hotspot', 'print', 'cast'].includes(s.variant.cls));
  const errors = graded.map((s) => Math.abs(s.deltaEError!));
  const mean = errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length);
  const worst = graded.reduce<TruthScore | null>((w, s) => (!w || Math.abs(s.deltaEError!) > Math.abs(w.deltaEError!) ? s : w), null);
  console.log(`\nΔE00 vs truth (swatch definition brandlock-swatch/1; originals, ladder, hotspots, prints, casts; ${graded.length} measured of ${scores.filter((s) => ['original', 'delta-e', 'hotspot', 'print', 'cast'].includes(s.variant.cls)).length})`);
  console.log(`  mean abs error ${mean.toFixed(3)} (target <= ${TARGETS.meanAbs}), worst ${worst ? Math.abs(worst.deltaEError!).toFixed(3) : '-'} (target <= ${TARGETS.worst.toFixed(1)})${worst ? `: ${worst.variant.base}, ${worst.variant.label}, true ${worst.variant.truth.deltaE.toFixed(2)}, read ${worst.measuredDeltaE?.toFixed(2)}` : ''}`);
  for (const cls of ['original', 'delta-e', 'hotspot', 'print', 'cast'] as const) {
    const xs = graded.filter((s) => s.variant.cls === cls).map((s) => Math.abs(s.deltaEError!));
    if (xs.length) console.log(`  ${cls.padEnd(10)} mean abs error ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3)}, worst ${Math.max(...xs).toFixed(3)} (${xs.length})`);
  }
  const exposure = scores.filter((s) => s.variant.cls === 'exposure' && s.deltaEError !== null);
  if (exposure.length) console.log(`  exposure variants (truth: the definition on the true outline): mean abs error ${(exposure.reduce((a, s) => a + Math.abs(s.deltaEError!), 0) / exposure.length).toFixed(3)}`);

  const originals = scores.filter((s) => s.variant.cls === 'original');
  const fr = originals.filter((s) => s.verdict === 'reject' && s.expected !== 'reject');
  const ff = originals.filter((s) => s.verdict === 'flag' && s.expected === 'pass');
  console.log(`\nunmodified photos: ${originals.length}; false rejects ${fr.length} (target 0), false flags ${ff.length} = ${pct(ff.length / Math.max(1, originals.length))} (target <= ${pct(TARGETS.falseFlags)})`);
  for (const s of [...fr, ...ff]) console.log(`  ${s.variant.base}: ${s.verdict}: ${s.failing.join(' | ')}`);

  const misses = scores.filter((s) => s.expected !== 'pass' && s.verdict === 'pass');
  console.log(`\nmisses (a defect passed): ${misses.length} of ${scores.filter((s) => s.expected !== 'pass').length} defective variants`);
  for (const s of misses) console.log(`  ${s.variant.base}, ${s.variant.label}: expected ${s.expected} (${s.reasons.join(', ')})`);
  const spots = scores.filter((s) => s.variant.cls === 'hotspot' && s.variant.truth.highlightClipPct >= 3);
  const caught = spots.filter((s) => s.findings.some((f) => f.check === 'highlight-clip' && (f.severity === 'flag' || f.severity === 'reject')));
  console.log(`\ninterior clipped hotspots >= 3% of the garment caught by the highlight-clip check: ${caught.length}/${spots.length} = ${pct(caught.length / Math.max(1, spots.length))} (target 100%)`);
  for (const s of spots.filter((x) => !caught.includes(x))) console.log(`  missed: ${s.variant.base}, ${s.variant.label}: ${s.findings.find((f) => f.check === 'highlight-clip')?.message}`);

  console.log('\nconfusion (rows expected, columns QC verdict)');
  console.log(`  ${''.padEnd(10)}${VERDICTS.map((v) => v.padStart(8)).join('')}`);
  for (const e of VERDICTS) console.log(`  ${e.padEnd(10)}${VERDICTS.map((v) => String(scores.filter((s) => s.expected === e && s.verdict === v).length).padStart(8)).join('')}`);
  const wrong = scores.filter((s) => s.verdict !== s.expected && s.expected !== 'pass' && s.verdict !== 'pass');
  if (wrong.length) {
    console.log('\nother disagreements (right that something is wrong, wrong severity):');
    for (const s of wrong) console.log(`  ${s.variant.base}, ${s.variant.label}: expected ${s.expected} (${s.reasons.join(', ')}), QC ${s.verdict}: ${s.failing.join(' | ')}`);
  }
  const passFlagged = scores.filter((s) => s.expected === 'pass' && s.verdict !== 'pass' && s.variant.cls !== 'original');
  if (passFlagged.length) {
    console.log('\nvariants that should pass but did not:');
    for (const s of passFlagged) console.log(`  ${s.variant.base}, ${s.variant.label}: QC ${s.verdict}: ${s.failing.join(' | ')}`);
  }
  console.log(`\nload average at start ${load0.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}; disagreements written to bench-out/qc-accuracy/`);
  const met = overall >= TARGETS.agreement && mean <= TARGETS.meanAbs && (!worst || Math.abs(worst.deltaEError!) <= TARGETS.worst) && fr.length === 0 && ff.length <= TARGETS.falseFlags * originals.length && caught.length === spots.length;
  console.log(`targets: ${met ? 'all met' : 'NOT all met'}`);
  if (!met) process.exitCode = 1;
}

await main();
