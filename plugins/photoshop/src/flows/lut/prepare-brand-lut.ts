/**
 * Turns a LUT of the lock into what Photoshop needs: the .cube parsed by core (errors name the file
 * and line), the ICC DeviceLink a Color Lookup layer renders from (33-point grid, as Photoshop
 * exports), and the bake function (core's tetrahedral applyLut, prepared once per bit depth).
 */
import type { LutRef } from '@brandlock/core/brand';
import { applyLut, cubeToIccDeviceLink, parseCube, prepareLut, type PreparedLut } from '@brandlock/core/color';
import type { BitDepth } from '@brandlock/core/raster';
import { PanelError } from '../../errors/panel-error';
import type { BrandLut } from './brand-lut';

export const DEVICE_LINK_GRID = 33;

export function prepareBrandLut(ref: LutRef, cubeText: string): BrandLut {
  const parsed = parseCube(cubeText);
  if (!parsed.success) {
    throw new PanelError(
      'bad-input',
      `The brand LUT "${ref.name}" (${ref.file}) cannot be read: line ${parsed.issue.line}: ${parsed.issue.message}`,
      "Tell your brandlock admin: the lock's LUT file needs fixing before it can be applied.",
    );
  }
  const lut = parsed.lut;
  const prepared: Partial<Record<BitDepth, PreparedLut>> = {};
  return {
    lutId: ref.id,
    name: ref.name,
    fileName: ref.file.split('/').pop() ?? ref.file,
    deviceLink: cubeToIccDeviceLink(lut, { grid: DEVICE_LINK_GRID, description: ref.name }),
    cubeText,
    bake(raster) {
      const p = (prepared[raster.depth] ??= prepareLut(lut, raster.depth));
      return applyLut(raster, p);
    },
  };
}
