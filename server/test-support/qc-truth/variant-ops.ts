/**
 * Pixel operations whose effect is known by construction: a Lab offset on the garment layer (a
 * recolour), a gain in linear light (exposure), a clipped specular hotspot, a print, and compositing
 * the garment layer over a backdrop. Each works on 8-bit RGB, 3 bytes a pixel.
 */
import { deepestPoint, labToLinearRgb, linearToSrgb, srgb8ToLab, srgbToLinear, type Lab } from '@brandlock/core';
import { clamp8, type TruthBase } from './truth-bases';

/** Lightening (L*) within a highlight's true lobe: below it, light on the fabric is hard to see. */
const LOBE_LIFT = 0.3;
/**
 * Light (linear, share of white) below which a glow changes no 8-bit code value of any fabric: under
 * half the smallest code step in linear light (code 0 to 1 is 0.0003).
 */
const GLOW_FLOOR = 1e-4;

const TO_LINEAR = Float32Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

/** Garment pixels covered at least half: the truth mask QC's subject is compared with. */
export function garmentMask(base: Pick<TruthBase, 'coverage'>): Uint8Array {
  return Uint8Array.from(base.coverage, (c) => (c >= 0.5 ? 1 : 0));
}

/** The garment layer with `offset` added to every pixel's Lab; also the share of pixels pushed out of gamut. */
export function offsetLab(base: TruthBase, offset: Lab): { garment: Uint8Array; outOfGamut: number } {
  const out = base.garment.slice();
  const lab = { l: 0, a: 0, b: 0 };
  let clipped = 0;
  let counted = 0;
  for (let i = 0; i < base.coverage.length; i++) {
    if (base.coverage[i] <= 0) continue;
    const p = i * 3;
    srgb8ToLab(out[p], out[p + 1], out[p + 2], lab);
    lab.l += offset.l;
    lab.a += offset.a;
    lab.b += offset.b;
    const rgb = labToLinearRgb(lab);
    let outside = false;
    for (let c = 0; c < 3; c++) {
      const v = linearToSrgb(rgb[c]) * 255;
      if (v < -0.5 || v > 255.5) outside = true;
      out[p + c] = clamp8(v);
    }
    if (base.coverage[i] >= 0.5) {
      counted++;
      if (outside) clipped++;
    }
  }
  return { garment: out, outOfGamut: counted ? clipped / counted : 0 };
}

/** The garment layer times 2^ev in linear light (clipped at white, as a sensor clips). */
export function gainGarment(base: TruthBase, ev: number): Uint8Array {
  const out = base.garment.slice();
  const g = 2 ** ev;
  const table = Uint8Array.from({ length: 256 }, (_, i) => clamp8(linearToSrgb(Math.min(1, TO_LINEAR[i] * g)) * 255));
  for (let i = 0; i < base.coverage.length; i++) {
    if (base.coverage[i] <= 0) continue;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = table[out[i * 3 + c]];
  }
  return out;
}

/** The garment pixel deepest inside the outline, and its distance to the outline (chamfer: within 8%, so callers keep a margin). */
export function deepestGarmentPoint(base: TruthBase): { x: number; y: number; depth: number } {
  return deepestPoint({ width: base.width, height: base.height, data: garmentMask(base) }) ?? { x: 0, y: 0, depth: 0 };
}

/**
 * Adds a specular hotspot as light does: white light in linear RGB, a Gaussian lobe (sigma = r, r
 * the radius of a disc of `share` of the garment) just strong enough that the sensor clips `share` of
 * the garment; beyond it the glow fades continuously into the fabric (no step at the clip edge, as on a
 * real sensor) and is painted out to where it changes no code value (no edge anywhere). Centred deep
 * inside the garment; null when the clipped disc does not fit inside the outline. Returns the lobe
 * (where the light lightens the fabric by LOBE_LIFT L* or more) and its centre.
 */
export function paintHotspot(base: TruthBase, garment: Uint8Array, share: number): { garment: Uint8Array; region: Uint8Array; centre: { x: number; y: number } } | null {
  const area = garmentMask(base).reduce((n, v) => n + v, 0);
  const r = Math.sqrt((share * area) / Math.PI);
  const c = deepestGarmentPoint(base);
  if (c.depth < r * 1.2 + 2) return null;
  const garmentWithin = (radius: number) => {
    const reach = Math.ceil(radius);
    const found: number[] = [];
    for (let y = Math.max(0, c.y - reach); y <= Math.min(base.height - 1, c.y + reach); y++) {
      for (let x = Math.max(0, c.x - reach); x <= Math.min(base.width - 1, c.x + reach); x++) {
        const i = y * base.width + x;
        if (base.coverage[i] > 0 && Math.hypot(x - c.x, y - c.y) <= radius) found.push(i);
      }
    }
    return found;
  };
  const lift = (i: number, k: number, amplitude: number) => {
    const d = Math.hypot((i % base.width) - c.x, Math.floor(i / base.width) - c.y);
    return clamp8(linearToSrgb(Math.min(1, TO_LINEAR[garment[i * 3 + k]] + amplitude * Math.exp(-0.5 * (d / r) ** 2))) * 255);
  };
  // The light's strength is set so that the clipped pixels (two channels at 254+) are `share` of the
  // garment: on a bright fabric less light clips the same area. Clipping needs the light at full
  // strength, which it has only near the centre (within 3 r at the strengths used here).
  const near = garmentWithin(3 * r);
  const clippedBy = (amplitude: number) => near.filter((i) => (lift(i, 0, amplitude) >= 254 ? 1 : 0) + (lift(i, 1, amplitude) >= 254 ? 1 : 0) + (lift(i, 2, amplitude) >= 254 ? 1 : 0) >= 2).length;
  let lo = 0;
  let hi = 4;
  for (let k = 0; k < 24; k++) {
    const mid = (lo + hi) / 2;
    if (clippedBy(mid) < share * area) lo = mid;
    else hi = mid;
  }
  const amplitude = hi;
  // The glow is painted as far as it can still change a code value: out to where it adds GLOW_FLOOR
  // of white, which moves no 8-bit code of any fabric (it was cut at a square of 3 r, a visible step on
  // dark fabric that no light makes).
  const lit = garmentWithin(r * Math.sqrt(2 * Math.log(amplitude / GLOW_FLOOR)));
  const out = garment.slice();
  const region = new Uint8Array(base.coverage.length);
  for (const i of lit) {
    for (let k = 0; k < 3; k++) out[i * 3 + k] = lift(i, k, amplitude);
    // The lobe: as far out as the light lightens the fabric by at least LOBE_LIFT L* (0.5% of white
    // does that on white fabric, but lifts black fabric by 1.5 L*).
    const d = Math.hypot((i % base.width) - c.x, Math.floor(i / base.width) - c.y);
    const added = amplitude * Math.exp(-0.5 * (d / r) ** 2);
    const y = (light: number) => [0.2126, 0.7152, 0.0722].reduce((sum, w, k) => sum + w * Math.min(1, TO_LINEAR[garment[i * 3 + k]] + light), 0);
    if (lightness(y(added)) - lightness(y(0)) >= LOBE_LIFT) region[i] = 1;
  }
  return { garment: out, region, centre: { x: c.x, y: c.y } };
}

/** CIE L* of a relative luminance. */
function lightness(y: number): number {
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/**
 * Prints a block of horizontal bars (a chest print or a logo's lettering) covering about `share` of
 * the garment, in colours far from the fabric, inside the outline. Null when it does not fit.
 */
export function paintPrint(base: TruthBase, garment: Uint8Array, share: number, colors: readonly (readonly [number, number, number])[]): { garment: Uint8Array; region: Uint8Array } | null {
  const area = garmentMask(base).reduce((n, v) => n + v, 0);
  const c = deepestGarmentPoint(base);
  // Bars fill half the block: block area = 2 x share x garment.
  const side = Math.sqrt(2 * share * area);
  const half = side / 2;
  if (c.depth < half * Math.SQRT2 * 1.1 + 2) return null;
  const bars = 5;
  const bar = side / (2 * bars);
  const out = garment.slice();
  const region = new Uint8Array(base.coverage.length);
  for (let y = Math.round(c.y - half); y < Math.round(c.y + half); y++) {
    const k = Math.floor((y - (c.y - half)) / bar);
    if (k % 2) continue;
    const color = colors[(k / 2) % colors.length];
    for (let x = Math.round(c.x - half); x < Math.round(c.x + half); x++) {
      const i = y * base.width + x;
      region[i] = 1;
      out.set(color, i * 3);
    }
  }
  return { garment: out, region };
}

/** The garment layer over a backdrop (straight alpha, in 8-bit sRGB as an editor flattens), RGBA out. */
export function composite(base: TruthBase, garment: Uint8Array, backdrop: Uint8Array): Uint8Array {
  const n = base.coverage.length;
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const a = base.coverage[i];
    for (let c = 0; c < 3; c++) out[i * 4 + c] = clamp8(garment[i * 3 + c] * a + backdrop[i * 3 + c] * (1 - a));
    out[i * 4 + 3] = 255;
  }
  return out;
}
