/**
 * Lab D50 (Adobe's and ICC's Lab: Photoshop, Illustrator, InDesign, .ase and .aco files) to and from
 * brandlock's Lab D65, by the linear Bradford transform (the chromatic adaptation ICC v4 uses).
 * Round trips agree to 1e-9; converting never passes through sRGB, so out-of-gamut colours survive.
 */
import type { Lab } from '../color/lab';

// White points from their xy chromaticities, as core/color/lab.ts and culori define them.
const D50 = [0.3457 / 0.3585, 1, (1 - 0.3457 - 0.3585) / 0.3585] as const;
const D65 = [0.3127 / 0.329, 1, (1 - 0.3127 - 0.329) / 0.329] as const;
const EPS = 216 / 24389;
const KAPPA = 24389 / 27;

// Bradford cone response matrix and its inverse.
const M = [
  [0.8951, 0.2664, -0.1614],
  [-0.7502, 1.7135, 0.0367],
  [0.0389, -0.0685, 1.0296],
];
const MI = invert(M);

function invert(m: number[][]): number[][] {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}

const mul = (m: number[][], v: readonly number[]) => m.map((r) => r[0] * v[0] + r[1] * v[1] + r[2] * v[2]);

function adaptation(from: readonly number[], to: readonly number[]): number[][] {
  const s = mul(M, from);
  const d = mul(M, to);
  const scaled = M.map((row, i) => row.map((v) => (v * d[i]) / s[i]));
  // MI x diag(d/s) x M
  return [0, 1, 2].map((r) => [0, 1, 2].map((c) => MI[r][0] * scaled[0][c] + MI[r][1] * scaled[1][c] + MI[r][2] * scaled[2][c]));
}

const D50_TO_D65 = adaptation(D50, D65);
const D65_TO_D50 = adaptation(D65, D50);

function labToXyz(lab: Lab, white: readonly number[]): number[] {
  const fy = (lab.l + 16) / 116;
  const fx = fy + lab.a / 500;
  const fz = fy - lab.b / 200;
  const inv = (t: number) => (t * t * t > EPS ? t * t * t : (116 * t - 16) / KAPPA);
  const y = lab.l > KAPPA * EPS ? fy * fy * fy : lab.l / KAPPA;
  return [inv(fx) * white[0], y * white[1], inv(fz) * white[2]];
}

function xyzToLab(xyz: number[], white: readonly number[]): Lab {
  const f = (t: number) => (t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116);
  const fx = f(xyz[0] / white[0]);
  const fy = f(xyz[1] / white[1]);
  const fz = f(xyz[2] / white[2]);
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/**
 * Lab D50 (as Adobe files hold it) to Lab D65.
 * @example labD50ToD65({ l: 50, a: 0, b: 0 }) // { l: 50, a: ~0, b: ~0 }: neutrals stay neutral
 */
export function labD50ToD65(lab: Lab): Lab {
  return xyzToLab(mul(D50_TO_D65, labToXyz(lab, D50)), D65);
}

/**
 * Lab D65 to Lab D50, for writing Adobe swatch files.
 * @example labD65ToD50(labD50ToD65(x)) // x, to 1e-9
 */
export function labD65ToD50(lab: Lab): Lab {
  return xyzToLab(mul(D65_TO_D50, labToXyz(lab, D65)), D50);
}
