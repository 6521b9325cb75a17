/**
 * `brandlock swatch measure <photo> [--lock <lock.json>] [--mask <png>] [--json]`: the swatch of an
 * approved photo as QC reads it (the lit half of the garment's dominant fabric, docs/qc.md), with the
 * nearest palette swatch and the JSON that pins it in a lock's palette.
 */
import { relative, resolve, sep } from 'node:path';
import { labText, nearestSwatch, SWATCH_MEASURE_VERSION, type Lab } from '@brandlock/core';
import { EXIT, InputError, type CliCommand } from '../command';
import { measureSwatchFile } from '../../pipeline/qc/measure-swatch-file';
import { jsonOption, requireLock } from './shared-options';

function lab2(lab: Lab): string {
  return `lab(${lab.l.toFixed(2)} ${lab.a.toFixed(2)} ${lab.b.toFixed(2)})`;
}

function round(lab: Lab): Lab {
  return { l: +lab.l.toFixed(2), a: +lab.a.toFixed(2), b: +lab.b.toFixed(2) };
}

export const swatchMeasure: CliCommand = {
  path: ['swatch', 'measure'],
  summary: 'The swatch of an approved photo as QC reads it, and the JSON to pin it in a lock',
  usage: '<photo> [--lock <lock.json>]',
  description: `Measures the garment's swatch the way QC measures every image: the colour of its dominant fabric
where it faces the light (prints, logos, trims, clipped pixels and shading left out; docs/qc.md has the
definition). Prints Lab D65, hex and where to sample it. With --lock: the nearest palette swatch with
its ΔE00, and the "color" and "measured" fields that pin the swatch to this photo in the palette
("brandlock lock check" then measures the photo again to verify the pin).`,
  options: {
    lock: { type: 'string', short: 'l', value: '<lock.json>', description: 'Brand Lock: nearest palette swatch, and a pin relative to the lock' },
    mask: { type: 'string', value: '<mask.png>', description: 'The garment as a white-on-black image the size of the photo (when the backdrop is not a studio sweep)' },
    json: jsonOption,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const photo = resolve(io.cwd, args.positionals[0]);
    const lock = typeof args.values.lock === 'string' ? await requireLock(args, io) : null;
    const mask = typeof args.values.mask === 'string' ? resolve(io.cwd, args.values.mask) : undefined;
    let m;
    try {
      m = await measureSwatchFile(photo, { maskPath: mask });
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.name === 'SwatchMeasureError' || err.name === 'ImageDecodeError') throw new InputError(`${args.positionals[0]}: ${err.message}`);
      if (err.code === 'ENOENT') throw new InputError(`${args.positionals[0]}: no such file`);
      throw e;
    }
    const { swatch } = m;
    const near = lock ? nearestSwatch(swatch.lab, lock.lock.palette) : null;
    const fromLock = lock ? relative(lock.dir, photo) : null;
    const inside = fromLock !== null && !fromLock.startsWith('..') && !fromLock.startsWith(sep);
    const pin = inside ? { color: `lab(${swatch.lab.l.toFixed(2)} ${swatch.lab.a.toFixed(2)} ${swatch.lab.b.toFixed(2)})`, measured: { image: fromLock.split(sep).join('/'), sha256: m.sha256, measure: SWATCH_MEASURE_VERSION } } : null;
    if (args.values.json) {
      io.out(
        `${JSON.stringify(
          {
            file: args.positionals[0],
            width: m.width,
            height: m.height,
            sha256: m.sha256,
            subject: m.subject,
            swatch: { lab: round(swatch.lab), hex: swatch.hex, measure: swatch.measure, point: swatch.point, fabricShare: +swatch.fabricShare.toFixed(4), litBand: { low: +swatch.litBand.low.toFixed(2), high: +swatch.litBand.high.toFixed(2) } },
            excluded: m.excluded.map((r) => ({ box: r.box, share: +r.share.toFixed(4), lab: round(r.lab) })),
            nearest: near && { swatch: near.swatch.id, name: near.swatch.name, deltaE00: +near.deltaE.toFixed(2), tolerance: near.tolerance, withinTolerance: near.withinTolerance },
            pin,
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    const lines = [
      `${args.positionals[0]}  ${m.width}x${m.height}, garment from ${m.subject === 'alpha' ? 'the alpha channel' : m.subject === 'mask file' ? 'the mask file' : 'the backdrop (segmented)'}`,
      `  swatch    ${lab2(swatch.lab)}  ${swatch.hex}  (${swatch.measure}: the lit half of the dominant fabric)`,
      `  sample    x ${swatch.point.x}, y ${swatch.point.y} (full resolution): the middle of the largest lit fabric area`,
      `  fabric    ${(swatch.fabricShare * 100).toFixed(1)}% of the garment${swatch.fabricShare < 0.3 ? ': no colour dominates, so this swatch is weak evidence' : ''}`,
      ...m.excluded.slice(0, 6).map((r) => `  left out  ${(r.share * 100).toFixed(1)}% ${labText(r.lab)} at x ${r.box.x}, y ${r.box.y}, ${r.box.width}x${r.box.height} (print, logo, trim or another colour)`),
    ];
    if (near) lines.push(`  nearest   ${near.swatch.id} (${near.swatch.name}) ${lab2(near.lab)}, ΔE00 ${near.deltaE.toFixed(2)} (${near.withinTolerance ? 'within' : 'outside'} its tolerance ${near.tolerance})`);
    if (lock && pin) lines.push(`  pin it    in the palette swatch: "color": "${pin.color}", "measured": ${JSON.stringify(pin.measured)}`);
    else if (lock) lines.push(`  pin it    copy the photo into the lock's folder (${lock.dir}) first: a pinned photo must sit beside the lock`);
    io.out(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
