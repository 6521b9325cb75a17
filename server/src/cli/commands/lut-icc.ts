/** `brandlock lut icc <lut> <out.icc>`: the ICC DeviceLink Photoshop's Color Lookup layer renders from. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { cubeToIccDeviceLink } from '@brandlock/core';
import { EXIT, InputError, UsageError, type CliCommand } from '../command';
import { readLutFile } from '../../pipeline/lut-file';

export const lutIcc: CliCommand = {
  path: ['lut', 'icc'],
  summary: 'Write a .cube LUT as an ICC DeviceLink profile for Photoshop Color Lookup layers',
  usage: '<lut.cube> <out.icc>',
  description: 'An ICC v2.4 DeviceLink (RGB to RGB, lut16 CLUT). A LUT of another size, with a domain or a shaper, is resampled onto the grid.',
  options: {
    grid: { type: 'string', value: '<points>', description: 'CLUT grid points per channel: 17, 33 or 65', default: '33' },
    description: { type: 'string', value: '<text>', description: 'Profile description (default: the LUT title)' },
  },
  positionals: { min: 2, max: 2 },
  async run({ positionals, values }, io) {
    const [lutPath, output] = positionals;
    const grid = Number(values.grid ?? 33);
    if (![17, 33, 65].includes(grid)) throw new UsageError(`--grid "${values.grid}" is not 17, 33 or 65`);
    const res = await readLutFile(lutPath);
    if (!res.success) throw new InputError(res.message);
    for (const warning of res.warnings) io.err(`warning: ${warning}\n`);
    const bytes = cubeToIccDeviceLink(res.lut, { grid, description: typeof values.description === 'string' ? values.description : undefined, created: new Date() });
    const temp = `${output}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, output);
    } catch (e) {
      await rm(temp, { force: true });
      throw new InputError(`${output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    io.out(`${output}: ICC DeviceLink, ${grid}³ grid, ${bytes.length} bytes, from ${lutPath}${res.lut.lut3d?.size === grid && !res.lut.lut1d ? '' : ' (resampled)'}\n`);
    return EXIT.ok;
  },
};
