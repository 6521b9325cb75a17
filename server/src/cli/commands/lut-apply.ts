/** `brandlock lut apply <lut> <in> <out>`: grade an image with a .cube LUT, keeping depth, profile and metadata. */
import { isLutInterpolation, LUT_INTERPOLATIONS } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { readLutFile } from '../../pipeline/lut-file';
import { applyLutToImage } from '../../pipeline/lut-apply-image';

export const lutApply: CliCommand = {
  path: ['lut', 'apply'],
  summary: 'Apply a .cube LUT to an image (PNG, JPEG, TIFF, WebP; 8 or 16 bit)',
  usage: '<lut.cube> <in> <out>',
  description: [
    'Applies the LUT to the pixel values as stored (no colour conversion), at the file\'s bit depth, and writes',
    'the output format named by its extension with the source\'s ICC profile, EXIF and XMP. 16-bit PNG/TIFF stay',
    '16-bit. The output is written to a temporary name and renamed when complete.',
  ].join('\n'),
  options: {
    interp: { type: 'string', value: '<method>', description: `Interpolation: ${LUT_INTERPOLATIONS.join(' or ')}`, default: 'tetrahedral' },
    quality: { type: 'string', value: '<1-100>', description: 'JPEG/WebP quality', default: '92' },
  },
  positionals: { min: 3, max: 3 },
  async run({ positionals, values }, io) {
    const [lutPath, input, output] = positionals;
    const interpolation = values.interp ?? 'tetrahedral';
    if (!isLutInterpolation(interpolation)) throw new UsageError(`--interp "${interpolation}" is not one of ${LUT_INTERPOLATIONS.join(', ')}`);
    const quality = Number(values.quality ?? 92);
    if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new UsageError(`--quality "${values.quality}" is not a whole number from 1 to 100`);
    const res = await readLutFile(lutPath);
    if (!res.success) throw new InputError(res.message);
    for (const warning of res.warnings) io.err(`warning: ${warning}\n`);
    let done;
    try {
      done = await applyLutToImage(res.lut, input, output, { interpolation, quality });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'ImageDecodeError') throw new InputError(`${input}: ${err.message}`);
      if (err.name === 'LutApplyError') throw new InputError(err.message);
      throw e;
    }
    const title = res.lut.title ? `"${res.lut.title}"` : lutPath;
    io.out(`${output}: ${done.width}x${done.height} ${done.outputDepth}-bit ${done.format.toUpperCase()}, ${title} applied (${interpolation}, ${done.applyMs.toFixed(0)} ms)${done.source.icc ? `, profile kept (${done.source.iccDescription ?? 'embedded'})` : ''}\n`);
    for (const note of done.notes) io.out(`  note: ${note}\n`);
    return EXIT.ok;
  },
};
