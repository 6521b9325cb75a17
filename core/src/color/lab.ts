/**
 * CIELAB under D65 (the same space as culori's `lab65`), and conversions from/to 8-bit sRGB.
 * All of brandlock's Lab numbers are D65; Photoshop and ICC Lab are D50, so never mix them.
 * Pure arithmetic with no allocation beyond the returned tuple, so it is safe in per-pixel loops
 * when the `out` parameter is reused.
 */

/** A CIELAB D65 colour: L in 0..100, a and b roughly -128..127. */
export interface Lab {
  l: number;
  a: number;
  b: number;
}

// D65 reference white, normalised so Y = 1 (the values culori uses).
const XN = 0.3127 / 0.329;
const ZN = (1 - 0.3127 - 0.329) / 0.329;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

/** sRGB transfer function: encoded 0..1 to linear light. */
export function srgbToLinear(c: number): number {
  const abs = Math.abs(c);
  return abs <= 0.04045 ? c / 12.92 : Math.sign(c) * Math.pow((abs + 0.055) / 1.055, 2.4);
}

/** Inverse sRGB transfer function: linear light to encoded 0..1. */
export function linearToSrgb(c: number): number {
  const abs = Math.abs(c);
  return abs <= 0.0031308 ? c * 12.92 : Math.sign(c) * (1.055 * Math.pow(abs, 1 / 2.4) - 0.055);
}

function f(t: number): number {
  return t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

function fInv(t: number): number {
  const t3 = t * t * t;
  return t3 > EPS ? t3 : (116 * t - 16) / KAPPA;
}

/**
 * Linear-light sRGB (0..1 each) to Lab D65.
 * @example linearRgbToLab(1, 1, 1) // { l: 100, a: ~0, b: ~0 }
 */
export function linearRgbToLab(r: number, g: number, b: number, out: Lab = { l: 0, a: 0, b: 0 }): Lab {
  const x = (0.4123907992659593 * r + 0.357584339383878 * g + 0.1804807884018343 * b) / XN;
  const y = 0.21263900587151024 * r + 0.715168678767756 * g + 0.07219231536073371 * b;
  const z = (0.01933081871559182 * r + 0.11919477979462598 * g + 0.9505321522496606 * b) / ZN;
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  out.l = 116 * fy - 16;
  out.a = 500 * (fx - fy);
  out.b = 200 * (fy - fz);
  return out;
}

/**
 * Encoded sRGB (0..1 each) to Lab D65.
 * @example srgbToLab(1, 0, 0) // { l: 54.29, a: 80.8, b: 69.89 }
 */
export function srgbToLab(r: number, g: number, b: number, out?: Lab): Lab {
  return linearRgbToLab(srgbToLinear(r), srgbToLinear(g), srgbToLinear(b), out);
}

/** Lab D65 to linear-light sRGB (unclamped: out-of-gamut colours give values outside 0..1). */
export function labToLinearRgb(lab: Lab): [number, number, number] {
  const fy = (lab.l + 16) / 116;
  const fx = fy + lab.a / 500;
  const fz = fy - lab.b / 200;
  const x = fInv(fx) * XN;
  const y = lab.l > KAPPA * EPS ? fy * fy * fy : lab.l / KAPPA;
  const z = fInv(fz) * ZN;
  return [
    3.2409699419045226 * x - 1.537383177570094 * y - 0.4986107602930034 * z,
    -0.9692436362808796 * x + 1.8759675015077204 * y + 0.04155505740717559 * z,
    0.05563007969699366 * x - 0.20397695888897652 * y + 1.0569715142428786 * z,
  ];
}

/** Lab D65 to encoded sRGB 0..1, clamped into gamut. */
export function labToSrgb(lab: Lab): [number, number, number] {
  const [r, g, b] = labToLinearRgb(lab);
  const clamp = (v: number) => Math.min(1, Math.max(0, linearToSrgb(v)));
  return [clamp(r), clamp(g), clamp(b)];
}
