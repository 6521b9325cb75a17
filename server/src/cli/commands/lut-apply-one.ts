/** `brandlock lut apply <lut> <in> <out>`: one file, graded in this process with every core libvips can use. */
import { availableParallelism } from 'node:os';
import type { CubeLut } from '@brandlock/core';
import { EXIT, InputError, type CliIo } from '../command';
import { createImageGrader, type ImageGraderOptions } from '../../pipeline/lut/image-grader';

export async function gradeOneFile(args: { lut: CubeLut; lutPath: string; input: string; output: string; options: ImageGraderOptions }, io: CliIo): Promise<number> {
  let done;
  try {
    done = await createImageGrader(args.lut, { ...args.options, libvips: { threads: availableParallelism(), cache: false } }).grade(args.input, args.output);
  } catch (e) {
    const err = e as Error;
    if (err.name === 'ImageDecodeError') throw new InputError(`${args.input}: ${err.message}`);
    if (err.name === 'LutApplyError') throw new InputError(err.message);
    throw e;
  }
  const title = args.lut.title ? `"${args.lut.title}"` : args.lutPath;
  io.out(`${args.output}: ${done.width}x${done.height} ${done.outputDepth}-bit ${done.format.toUpperCase()}, ${title} applied (${args.options.interpolation}, ${done.ms.grade.toFixed(0)} ms)${done.source.icc && done.source.channels >= 3 ? `, profile kept (${done.source.iccDescription ?? 'embedded'})` : ''}\n`);
  for (const note of done.notes) io.out(`  note: ${note}\n`);
  return EXIT.ok;
}
