/** `brandlock color diff <a> <b>`: CIEDE2000 between two colours given as hex, lab() or a palette swatch id. */
import { deltaE2000, formatLockIssue, nearestSwatch, resolveColor, type Lab, type Palette } from '@brandlock/core';
import { EXIT, InputError, type CliCommand } from '../command';
import { readLockFile } from '../../io/read-lock-file';

export const colorDiff: CliCommand = {
  path: ['color', 'diff'],
  summary: 'ΔE00 between two colours (hex, lab(L a b) in D65, or a swatch id with --lock)',
  usage: '<a> <b>',
  description: 'With --lock, swatch ids resolve against the lock palette and each colour is matched to its nearest swatch.',
  options: {
    lock: { type: 'string', value: '<lock.json>', description: 'Brand Lock whose palette resolves swatch ids' },
    json: { type: 'boolean', description: 'Print the result as JSON' },
  },
  positionals: { min: 2, max: 2 },
  async run({ positionals, values }, io) {
    let palette: Palette | undefined;
    if (typeof values.lock === 'string') {
      const lock = await readLockFile(values.lock);
      if (!lock.success) throw new InputError(`${lock.path}: not a valid lock\n${lock.issues.map((i) => `  ${formatLockIssue(i)}`).join('\n')}`);
      palette = lock.lock.palette;
    }
    const colours = positionals.map((text, i) => {
      const res = resolveColor(text, palette);
      if (!res.success) throw new InputError(`colour ${'ab'[i]}: ${res.message}`);
      return { input: text, ...res, nearest: palette ? nearestSwatch(res.lab, palette) : null };
    });
    const deltaE = deltaE2000(colours[0].lab, colours[1].lab);
    if (values.json) {
      const show = (c: (typeof colours)[number]) => ({ input: c.input, source: c.source, hex: c.hex, lab: round(c.lab), swatch: c.swatch?.id ?? null, nearest: c.nearest && { swatch: c.nearest.swatch.id, deltaE: +c.nearest.deltaE.toFixed(4), tolerance: c.nearest.tolerance, withinTolerance: c.nearest.withinTolerance } });
      io.out(JSON.stringify({ deltaE00: +deltaE.toFixed(4), meaning: meaning(deltaE), a: show(colours[0]), b: show(colours[1]) }, null, 2) + '\n');
      return EXIT.ok;
    }
    const lines = colours.map((c, i) => {
      const what = c.swatch ? `${c.swatch.id} (${c.swatch.name})` : c.input;
      const near = c.nearest ? `  nearest swatch ${c.nearest.swatch.id}, ΔE00 ${c.nearest.deltaE.toFixed(2)} (${c.nearest.withinTolerance ? 'within' : 'outside'} its tolerance ${c.nearest.tolerance})` : '';
      const hex = c.source === 'swatch' && c.hex ? ` ${c.hex}` : '';
      return `  ${'ab'[i]}  ${what}${hex}  ${labText(c.lab)}${near}`;
    });
    io.out([...lines, `  ΔE00 ${deltaE.toFixed(2)}: ${meaning(deltaE)}`, ''].join('\n'));
    return EXIT.ok;
  },
};

function labText(lab: Lab): string {
  return `lab(${lab.l.toFixed(2)} ${lab.a.toFixed(2)} ${lab.b.toFixed(2)})`;
}

function round(lab: Lab): Lab {
  return { l: +lab.l.toFixed(4), a: +lab.a.toFixed(4), b: +lab.b.toFixed(4) };
}

/** Rough reading of a ΔE00 for people who judge colour by eye. */
function meaning(deltaE: number): string {
  if (deltaE < 1) return 'not perceptible';
  if (deltaE < 2) return 'perceptible on close inspection';
  if (deltaE < 3.5) return 'perceptible at a glance side by side';
  if (deltaE < 10) return 'clearly different';
  return 'different colours';
}
