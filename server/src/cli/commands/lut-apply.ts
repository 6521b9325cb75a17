/**
 * `brandlock lut apply <lut> <in> <out>`: grade one image with a .cube LUT, keeping depth, profile and
 * metadata; `brandlock lut apply <lut> <files or folders...> --out <dir>`: grade many, each in its own
 * format, on worker threads. The work is imported when the command runs, so the CLI starts fast.
 */
import { availableParallelism } from 'node:os';
import { InputError, UsageError, type CliCommand } from '../command';

const INTERPOLATIONS = ['tetrahedral', 'trilinear'] as const;

export const lutApply: CliCommand = {
  path: ['lut', 'apply'],
  summary: 'Apply a .cube LUT to an image, or to files and folders (PNG, JPEG, TIFF, WebP; 8 or 16 bit)',
  usage: '<lut.cube> <in> <out> | <lut.cube> <files or folders...> --out <dir>',
  description: [
    'Applies the LUT to the pixel values as stored (no colour conversion), at the file\'s bit depth, and writes',
    'the source\'s ICC profile, EXIF and XMP with the result. 16-bit PNG/TIFF stay 16-bit; a TIFF is stored as',
    'its source was (compression, predictor). Outputs are written to a temporary name and renamed when complete.',
    '',
    'One file: <out> names the output; its extension picks the format.',
    'Many: with --out, every argument after the LUT is a file or a folder (searched recursively); each file is',
    'written to <dir> in its own format, a folder\'s files keeping their paths below it. A file that cannot be',
    'graded is reported and skipped; the rest go on. Exit 1 when any file failed.',
  ].join('\n'),
  options: {
    out: { type: 'string', value: '<dir>', description: 'Grade every file and folder given into this folder (created if missing)' },
    interp: { type: 'string', value: '<method>', description: `Interpolation: ${INTERPOLATIONS.join(' or ')}`, default: 'tetrahedral' },
    quality: { type: 'string', value: '<1-100>', description: 'JPEG/WebP quality (90 and above keep full-resolution colour, 4:4:4)', default: '92' },
    'optimize-jpeg': { type: 'boolean', description: 'JPEG: optimised Huffman tables, about 10% smaller with the same pixels, but about 4x the encode time and memory' },
    jobs: { type: 'string', value: '<n>', description: `With --out: files graded at once, on worker threads (default: the CPU count, ${availableParallelism()})` },
    'skip-existing': { type: 'boolean', description: 'With --out: leave files whose output exists (to finish an interrupted batch)' },
    json: { type: 'boolean', description: 'With --out: print the outcome of every file as JSON' },
  },
  positionals: { min: 2, max: Number.MAX_SAFE_INTEGER },
  async run({ positionals, values }, io) {
    const [lutPath, ...inputs] = positionals;
    const interpolation = (values.interp as string | undefined) ?? 'tetrahedral';
    if (!(INTERPOLATIONS as readonly string[]).includes(interpolation)) throw new UsageError(`--interp "${interpolation}" is not one of ${INTERPOLATIONS.join(', ')}`);
    const quality = Number(values.quality ?? 92);
    if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new UsageError(`--quality "${values.quality}" is not a whole number from 1 to 100`);
    const out = values.out as string | undefined;
    if (out === undefined) {
      if (inputs.length !== 2) throw new UsageError(inputs.length < 2 ? 'missing argument: expected <lut.cube> <in> <out>' : `${inputs.length} inputs need --out <dir> (one file: <lut.cube> <in> <out>)`);
      for (const option of ['jobs', 'skip-existing', 'json']) if (values[option] !== undefined) throw new UsageError(`--${option} applies with --out <dir> only`);
    }
    const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs "${values.jobs}" is not a whole number from 1 to 64`);
    const { readLutFile } = await import('../../pipeline/lut-file');
    const res = await readLutFile(lutPath);
    if (!res.success) throw new InputError(res.message);
    for (const warning of res.warnings) io.err(`warning: ${warning}\n`);
    const options = { interpolation: interpolation as (typeof INTERPOLATIONS)[number], quality, optimizeJpeg: values['optimize-jpeg'] === true };
    if (out !== undefined) {
      const { gradeBatchCommand } = await import('./lut-apply-batch');
      return gradeBatchCommand({ lut: res.lut, lutPath, inputs, out, jobs, skipExisting: values['skip-existing'] === true, json: values.json === true, options }, io);
    }
    const { gradeOneFile } = await import('./lut-apply-one');
    return gradeOneFile({ lut: res.lut, lutPath, input: inputs[0], output: inputs[1], options }, io);
  },
};
