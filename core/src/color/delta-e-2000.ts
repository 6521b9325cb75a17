/**
 * CIEDE2000 colour difference (Sharma, Wu & Dalal 2005) on Lab D65 values.
 * Written out on plain numbers so QC can call it per pixel without allocating: square roots of sums
 * of squares instead of Math.hypot and products instead of Math.pow (both several times slower in V8,
 * and the values are far from overflow).
 */
import type { Lab } from './lab';

const RAD = Math.PI / 180;
const POW25_7 = Math.pow(25, 7);

/**
 * ΔE00 between two Lab colours, with the parametric factors kL, kC, kH (1 for graphic arts).
 * @example deltaE2000({ l: 50, a: 2.6772, b: -79.7751 }, { l: 50, a: 0, b: -82.7485 }) // 2.0425
 */
export function deltaE2000(x: Lab, y: Lab, kL = 1, kC = 1, kH = 1): number {
  const c1 = Math.sqrt(x.a * x.a + x.b * x.b);
  const c2 = Math.sqrt(y.a * y.a + y.b * y.b);
  const cBar = (c1 + c2) / 2;
  const cBar7 = pow7(cBar);
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + POW25_7)));
  const a1p = (1 + g) * x.a;
  const a2p = (1 + g) * y.a;
  const c1p = Math.sqrt(a1p * a1p + x.b * x.b);
  const c2p = Math.sqrt(a2p * a2p + y.b * y.b);
  const h1p = hueDegrees(x.b, a1p);
  const h2p = hueDegrees(y.b, a2p);

  const dLp = y.l - x.l;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin((dhp / 2) * RAD);

  const lBarP = (x.l + y.l) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
    else if (h1p + h2p < 360) hBarP = (h1p + h2p + 360) / 2;
    else hBarP = (h1p + h2p - 360) / 2;
  }

  const t =
    1 -
    0.17 * Math.cos((hBarP - 30) * RAD) +
    0.24 * Math.cos(2 * hBarP * RAD) +
    0.32 * Math.cos((3 * hBarP + 6) * RAD) -
    0.2 * Math.cos((4 * hBarP - 63) * RAD);
  const hue275 = (hBarP - 275) / 25;
  const dTheta = 30 * Math.exp(-hue275 * hue275);
  const cBarP7 = pow7(cBarP);
  const rC = 2 * Math.sqrt(cBarP7 / (cBarP7 + POW25_7));
  const lMinus50Sq = (lBarP - 50) * (lBarP - 50);
  const sL = 1 + (0.015 * lMinus50Sq) / Math.sqrt(20 + lMinus50Sq);
  const sC = 1 + 0.045 * cBarP;
  const sH = 1 + 0.015 * cBarP * t;
  const rT = -Math.sin(2 * dTheta * RAD) * rC;

  const lTerm = dLp / (kL * sL);
  const cTerm = dCp / (kC * sC);
  const hTerm = dHp / (kH * sH);
  return Math.sqrt(lTerm * lTerm + cTerm * cTerm + hTerm * hTerm + rT * cTerm * hTerm);
}

function pow7(v: number): number {
  const v2 = v * v;
  return v2 * v2 * v2 * v;
}

function hueDegrees(b: number, a: number): number {
  if (a === 0 && b === 0) return 0;
  const h = Math.atan2(b, a) / RAD;
  return h < 0 ? h + 360 : h;
}
