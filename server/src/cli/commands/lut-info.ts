/** `brandlock lut info <file.cube>`: what a LUT is (shape, domains, output range) and whether it reads cleanly. */
import { describeLutShape, type CubeLut, type LutDomain } from '@brandlock/core';
import { EXIT, InputError, type CliCommand } from '../command';
import { readLutFile } from '../../pipeline/lut-file';

export const lutInfo: CliCommand = {
  path: ['lut', 'info'],
  summary: 'Check a .cube LUT and describe it: size, domain, shaper, output range',
  usage: '<file.cube>',
  description: 'Reads Adobe/Iridas and Resolve .cube files. A malformed file is reported with its line number and what was expected there.',
  options: { json: { type: 'boolean', description: 'Print the description as JSON' } },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    const res = await readLutFile(file);
    if (!res.success) throw new InputError(res.message);
    const summary = summarise(res.lut);
    if (values.json) {
      io.out(JSON.stringify({ ok: true, file, ...summary, warnings: res.warnings }, null, 2) + '\n');
      return EXIT.ok;
    }
    const lines = [
      `${file}: ok`,
      `  title     ${summary.title ?? '(none)'}`,
      `  shape     ${summary.shape} (${summary.entries} entries)`,
      `  domain    ${domainText(summary.domain)}`,
      ...(summary.cubeDomain ? [`  3D input  ${domainText(summary.cubeDomain)} (the shaper's output)`] : []),
      `  output    ${summary.outputRange.map(([lo, hi], c) => `${'RGB'[c]} ${fmt(lo)}..${fmt(hi)}`).join('   ')}`,
      ...(summary.outOfRangeEntries ? [`  note      ${summary.outOfRangeEntries} table values fall outside 0..1 and clip when applied to images`] : []),
      `  comments  ${summary.comments.length}`,
      ...res.warnings.map((w) => `  warning   ${w}`),
      '',
    ];
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

function summarise(lut: CubeLut) {
  const tables = [lut.lut1d?.table, lut.lut3d?.table].filter((t): t is Float64Array => Boolean(t));
  const last = lut.lut3d?.table ?? lut.lut1d!.table;
  const outputRange = [0, 1, 2].map((c) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = c; i < last.length; i += 3) {
      lo = Math.min(lo, last[i]);
      hi = Math.max(hi, last[i]);
    }
    return [lo, hi] as [number, number];
  });
  let outOfRange = 0;
  for (let i = 0; i < last.length; i++) if (last[i] < 0 || last[i] > 1) outOfRange++;
  return {
    title: lut.title,
    shape: describeLutShape(lut),
    entries: tables.reduce((n, t) => n + t.length / 3, 0),
    domain: (lut.lut1d ?? lut.lut3d)!.domain,
    cubeDomain: lut.lut1d && lut.lut3d ? lut.lut3d.domain : null,
    outputRange,
    outOfRangeEntries: outOfRange,
    comments: lut.comments,
  };
}

function domainText(d: LutDomain): string {
  const same = d.min.every((v) => v === d.min[0]) && d.max.every((v) => v === d.max[0]);
  return same ? `${fmt(d.min[0])}..${fmt(d.max[0])}` : d.min.map((lo, c) => `${'RGB'[c]} ${fmt(lo)}..${fmt(d.max[c])}`).join('   ');
}

function fmt(v: number): string {
  return String(Number(v.toFixed(4)));
}
