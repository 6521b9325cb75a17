/**
 * Pixel work inside the fake Photoshop: flattening visible layers (Normal, Color and Luminosity blend
 * modes, masks, opacity, Curves adjustments with straight-line segments between points where
 * Photoshop draws a smooth curve), depth conversion and box resampling. Color Lookup layers render from the ICC DeviceLink in their
 * `profile`, evaluated the way a CMM does (core's lut16 reader, tetrahedral), never from the .cube
 * bytes: a layer without a valid profile changes nothing, as in Photoshop.
 */
import type { BitDepth, Raster } from '@brandlock/core/raster';
import { lut16Evaluator, parseIccProfile, readLut16 } from '@brandlock/core/color';
import type { FakeDocument, FakeLayer } from './fake-document';
import { blendColor } from './fake-blend';

interface CurvePoint {
  horizontal: number;
  vertical: number;
}

function curveTable(points: CurvePoint[]): Float64Array {
  const table = new Float64Array(256);
  for (let x = 0; x < 256; x++) {
    let i = 0;
    while (i < points.length - 1 && points[i + 1].horizontal < x) i++;
    const a = points[i];
    const b = points[Math.min(i + 1, points.length - 1)];
    const t = b.horizontal === a.horizontal ? 0 : (x - a.horizontal) / (b.horizontal - a.horizontal);
    const y = x <= points[0].horizontal ? points[0].vertical : x >= points[points.length - 1].horizontal ? points[points.length - 1].vertical : a.vertical + t * (b.vertical - a.vertical);
    table[x] = Math.min(255, Math.max(0, y)) / 255;
  }
  return table;
}

/** Applies a Curves layer's settings to a float RGB buffer in 0..1, in place. */
function applyCurves(rgb: Float64Array, layer: FakeLayer): void {
  const adjustment = (layer.settings.adjustment ?? []) as { channel: { _value: string }; curve: CurvePoint[] }[];
  const sample = (table: Float64Array, v: number) => {
    const x = Math.min(255, Math.max(0, v * 255));
    const i = Math.floor(x);
    const j = Math.min(255, i + 1);
    return table[i] + (table[j] - table[i]) * (x - i);
  };
  const order = ['red', 'grain', 'blue', 'composite'];
  for (const name of order) {
    const a = adjustment.find((c) => c.channel._value === name);
    if (!a) continue;
    const table = curveTable(a.curve);
    const channels = name === 'composite' ? [0, 1, 2] : [order.indexOf(name)];
    for (let p = 0; p < rgb.length; p += 3) for (const c of channels) rgb[p + c] = sample(table, rgb[p + c]);
  }
}

/** Applies a Color Lookup layer's DeviceLink to a float RGB buffer in 0..1, in place. */
function applyColorLookup(rgb: Float64Array, layer: FakeLayer): void {
  const bytes = layer.settings.profile;
  if (!(bytes instanceof Uint8Array)) return;
  const parsed = parseIccProfile(bytes);
  if (!parsed.success || parsed.profile.deviceClass !== 'link') return;
  const a2b0 = parsed.profile.tags.find((t) => t.signature === 'A2B0');
  if (!a2b0) return;
  const link = lut16Evaluator(readLut16(bytes, a2b0));
  for (let p = 0; p < rgb.length; p += 3) {
    const out = link([rgb[p], rgb[p + 1], rgb[p + 2]]);
    rgb[p] = out[0];
    rgb[p + 1] = out[1];
    rgb[p + 2] = out[2];
  }
}

/** Flattens the visible layers to a document-sized raster at the document's storage depth. */
export function compositeDocument(doc: FakeDocument): Raster {
  const n = doc.width * doc.height;
  const rgb = new Float64Array(n * 3);
  const alpha = new Float64Array(n);
  const depth = storageDepth(doc);
  const max = depth === 8 ? 255 : 65535;
  for (const layer of [...doc.layers].reverse()) {
    if (!layer.visible) continue;
    const opacity = (layer.opacity ?? 100) / 100;
    const mode = layer.blendMode ?? 'normal';
    if (layer.kind === 'adjustment') {
      const adjusted = rgb.slice();
      if (layer.adjustment === 'curves') applyCurves(adjusted, layer);
      if (layer.adjustment === 'colorLookup') applyColorLookup(adjusted, layer);
      // The blend mode decides what the adjusted colour becomes over the one below; the layer mask
      // and opacity how much of it shows, pixel by pixel.
      for (let i = 0; i < n; i++) {
        const w = opacity * (layer.mask ? layer.mask[i] / 255 : 1);
        const shown = mode === 'normal' ? null : blendColor(mode, [rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]], [adjusted[i * 3], adjusted[i * 3 + 1], adjusted[i * 3 + 2]]);
        for (let c = 0; c < 3; c++) rgb[i * 3 + c] += ((shown ? shown[c] : adjusted[i * 3 + c]) - rgb[i * 3 + c]) * w;
      }
      continue;
    }
    if (!layer.pixels) continue;
    const d = layer.pixels.data;
    for (let i = 0; i < n; i++) {
      const a = (d[i * 4 + 3] / max) * (layer.mask ? layer.mask[i] / 255 : 1) * opacity;
      if (a === 0) continue;
      const outA = a + alpha[i] * (1 - a);
      const own: [number, number, number] = [d[i * 4] / max, d[i * 4 + 1] / max, d[i * 4 + 2] / max];
      // Over transparency a layer shows its own colour; over the backdrop, its blend with it.
      const blended = mode === 'normal' ? own : blendColor(mode, [rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]], own);
      for (let c = 0; c < 3; c++) {
        const shown = mode === 'normal' ? own[c] : (1 - alpha[i]) * own[c] + alpha[i] * blended[c];
        rgb[i * 3 + c] = (shown * a + rgb[i * 3 + c] * alpha[i] * (1 - a)) / outA;
      }
      alpha[i] = outA;
    }
  }
  const out = depth === 8 ? new Uint8Array(n * 4) : new Uint16Array(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.round(rgb[i * 3 + c] * max);
    out[i * 4 + 3] = Math.round(alpha[i] * max);
  }
  return { width: doc.width, height: doc.height, depth, data: out };
}

export function storageDepth(doc: FakeDocument): BitDepth {
  return doc.bitsPerChannel === 8 ? 8 : 16;
}

/** Converts a raster between 8 and 16 bit (rounding, as Photoshop's mode change does). */
export function convertDepth(r: Raster, depth: BitDepth): Raster {
  if (r.depth === depth) return r;
  const out = depth === 8 ? new Uint8Array(r.data.length) : new Uint16Array(r.data.length);
  const f = depth === 8 ? 255 / 65535 : 257;
  for (let i = 0; i < out.length; i++) out[i] = Math.round(r.data[i] * f);
  return { width: r.width, height: r.height, depth, data: out };
}

/** Crops a raster to a rectangle (clamped to the raster). */
export function cropRaster(r: Raster, left: number, top: number, width: number, height: number): Raster {
  const out = r.depth === 8 ? new Uint8Array(width * height * 4) : new Uint16Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = x + left;
      const sy = y + top;
      if (sx < 0 || sy < 0 || sx >= r.width || sy >= r.height) continue;
      const s = (sy * r.width + sx) * 4;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) out[o + c] = r.data[s + c];
    }
  }
  return { width, height, depth: r.depth, data: out };
}

/** Resamples with a box filter (area average) when shrinking and nearest pixel when enlarging. */
export function resampleRaster(r: Raster, width: number, height: number): Raster {
  const out = r.depth === 8 ? new Uint8Array(width * height * 4) : new Uint16Array(width * height * 4);
  const sx = r.width / width;
  const sy = r.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      const sum = [0, 0, 0, 0];
      for (let yy = y0; yy < Math.min(y1, r.height); yy++) {
        for (let xx = x0; xx < Math.min(x1, r.width); xx++) {
          const s = (yy * r.width + xx) * 4;
          for (let c = 0; c < 4; c++) sum[c] += r.data[s + c];
        }
      }
      const count = (Math.min(y1, r.height) - y0) * (Math.min(x1, r.width) - x0);
      for (let c = 0; c < 4; c++) out[(y * width + x) * 4 + c] = Math.round(sum[c] / count);
    }
  }
  return { width, height, depth: r.depth, data: out };
}
