/** A brand LUT ready for Photoshop: its names, the DeviceLink a Color Lookup layer renders, and the bake. */
import type { Raster } from '@brandlock/core/raster';

export interface BrandLut {
  lutId: string;
  /** The lock's display name, e.g. "Warm studio grade". */
  name: string;
  /** The .cube file name shown in Photoshop's Properties panel. */
  fileName: string;
  /** ICC DeviceLink bytes from core's cubeToIccDeviceLink. */
  deviceLink: Uint8Array;
  cubeText: string;
  /** Applies the LUT to pixels (core's applyLut) for the bake option; returns a new raster. */
  bake(raster: Raster): Raster;
}

/** The adjustment layer name: says what it is and which LUT. */
export function lutLayerName(lut: BrandLut, baked: boolean): string {
  return baked ? `brandlock LUT (baked) · ${lut.name}` : `brandlock LUT · ${lut.name}`;
}
