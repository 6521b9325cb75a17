/**
 * One moodboard cell made offline from the lock's own material: the model profile's reference image
 * relit by the cell's lighting preset (colour temperature and tint, key direction and key:fill ratio)
 * and graded with the LUT the lock uses for that light, on the preset's backdrop; beside it the pose
 * as an outline figure and three palette swatches seen in the same light. A caption band says what
 * it is. It is a study for casting, light and colour, labelled as such: not a photograph.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { applyLut, labToSrgb, linearToSrgb, parseColor, srgbToLinear, type CubeLut, type LightingPreset, type PoseView } from '@brandlock/core';
import { lightColour } from './light-colour';
import { keyVector } from './key-direction';
import { poseKind, poseOutlineSvg } from './pose-outline';
import { escapeXml, studyLabelSvg } from './study-label';

export interface CellStudyInput {
  width: number;
  height: number;
  lighting: LightingPreset;
  model: { name: string };
  view: Pick<PoseView, 'id' | 'name' | 'promptFragment'> & { detail?: boolean };
  swatches: { name: string; color: string }[];
  /** The model's reference image (a cutout with transparency, or a photo); null when the server has none. */
  reference: Uint8Array | null;
  lut: { name: string; cube: CubeLut } | null;
  /** The board's caption for the cell (what it varies). */
  caption: string;
}

const INK = '#23221f';

function linearOf(color: string): [number, number, number] {
  const parsed = parseColor(color);
  const [r, g, b] = parsed.success ? labToSrgb(parsed.lab) : [0.5, 0.5, 0.5];
  return [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
}

const to8 = (linear: number, dither = 0) => Math.round(Math.min(1, Math.max(0, linearToSrgb(linear))) * 255 + dither);

/** An ordered dither of ±0.4 code values, so the backdrop's gentle gradient does not band. */
const dither = (x: number, y: number) => (((x * 7 + y * 13) % 5) - 2) * 0.2;

/** How much key reaches a point across the subject (u: 0 left .. 1 right): 1 on the key side, the fill's share on the other. */
function shadeAcross(u: number, keyX: number, ratio: number): number {
  const fill = 1 / Math.sqrt(ratio);
  const towardsKey = keyX === 0 ? 0.5 : keyX < 0 ? 1 - u : u;
  const reach = Math.abs(keyX) < 0.2 ? 1 : Math.min(1, Math.max(0, 0.15 + towardsKey * 1.1));
  return fill + (1 - fill) * reach;
}

export async function renderCellStudy(input: CellStudyInput): Promise<Uint8Array> {
  const { width: W, height: H, lighting } = input;
  const light = lightColour(lighting.colorTemperatureK, lighting.tint);
  const keyX = keyVector(lighting.keyDirection)[0];
  const ratio = lighting.keyFillRatio;
  const backdrop = linearOf(lighting.background);
  const rgb = new Uint8Array(W * H * 3);
  const floorY = H * 0.8;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const fall = 1 - 0.1 * (1 - 1 / ratio) * (keyX < 0 ? x / W : keyX > 0 ? 1 - x / W : 0.5);
      const sweep = y > floorY * 0.8 ? 1 - 0.07 * Math.min(1, (y - floorY * 0.8) / (H - floorY * 0.8)) : 1;
      const o = (y * W + x) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = Math.min(255, Math.max(0, to8(backdrop[c] * fall * sweep * (0.85 + 0.15 * light[c]), dither(x, y))));
    }
  }

  const box = { x: Math.round(W * 0.04), y: Math.round(H * 0.05), w: Math.round(W * 0.56), h: Math.round(H * 0.76) };
  const layers: OverlayOptions[] = [];
  if (input.reference) {
    const figure = await relitReference(input.reference, box.w, box.h, light, keyX, ratio, input.lut?.cube ?? null);
    const left = box.x + Math.round((box.w - figure.width) / 2);
    const top = box.y + box.h - figure.height;
    if (figure.cutout) drawContactShadow(rgb, W, H, left + figure.width / 2 - keyX * figure.width * 0.12, top + figure.height, figure.width * 0.42, 1 - 1 / ratio);
    layers.push({ input: figure.rgba, raw: { width: figure.width, height: figure.height, channels: 4 }, left, top });
  }

  const chipTop = H * 0.47;
  const chipH = H * 0.085;
  const colX = Math.round(W * 0.65);
  const colW = Math.round(W * 0.31);
  input.swatches.forEach((s, i) => {
    const albedo = linearOf(s.color);
    const y0 = Math.round(chipTop + i * (chipH + H * 0.035));
    for (let y = y0; y < y0 + chipH; y++) {
      for (let x = colX; x < colX + colW; x++) {
        const shade = shadeAcross((x - colX) / colW, keyX, ratio);
        const o = (y * W + x) * 3;
        for (let c = 0; c < 3; c++) rgb[o + c] = to8(albedo[c] * shade * light[c] * 0.95);
      }
    }
  });

  const font = Math.max(11, Math.round(W / 40));
  const pose = poseKind(input.view);
  const overlay = [
    input.reference ? '' : poseOutlineSvg(pose, box.x, box.y, box.w, box.h, '#00000055'),
    `<rect x="${colX}" y="${Math.round(H * 0.05)}" width="${colW}" height="${Math.round(H * 0.34)}" rx="6" fill="#ffffff" fill-opacity="0.55"/>`,
    poseOutlineSvg(pose, colX + 8, Math.round(H * 0.06), colW - 16, Math.round(H * 0.28), INK),
    `<text x="${colX + 10}" y="${Math.round(H * 0.37)}" font-family="DejaVu Sans, sans-serif" font-size="${font}" fill="${INK}">${escapeXml(`Pose: ${input.view.name}`)}</text>`,
    ...input.swatches.map((s, i) => `<text x="${colX}" y="${Math.round(chipTop + i * (chipH + H * 0.035) + chipH + font * 1.1)}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font * 0.85)}" fill="${INK}">${escapeXml(s.name)}</text>`),
    `<text x="${colX}" y="${Math.round(chipTop - font * 0.7)}" font-family="DejaVu Sans, sans-serif" font-size="${Math.round(font * 0.85)}" fill="#55524c">In this light</text>`,
  ].join('');
  layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${overlay}</svg>`), left: 0, top: 0 });
  const lightLine = `${lighting.name}: ${lighting.colorTemperatureK} K, key ${lighting.keyDirection}, ${ratio}:1${input.lut ? ` · ${input.lut.name}` : ' · ungraded'}`;
  const modelLine = `${input.model.name}${input.reference ? ' (reference image)' : ': no reference image on the server'} · ${input.view.name}`;
  layers.push({ input: Buffer.from(studyLabelSvg(W, H, `STUDY · ${input.caption}`.slice(0, 80), [lightLine, modelLine, 'Rendered offline from the lock, not a photograph'])), left: 0, top: 0 });
  const png = await sharp(rgb, { raw: { width: W, height: H, channels: 3 } }).composite(layers).png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(png);
}

/** The reference image fitted to the box, relit by the preset and graded with its LUT (straight RGBA). */
async function relitReference(bytes: Uint8Array, maxW: number, maxH: number, light: [number, number, number], keyX: number, ratio: number, lut: CubeLut | null) {
  // A cutout's transparent margins are trimmed first, so the figure fills the box whatever its canvas.
  const trimmed = await sharp(bytes).rotate().ensureAlpha().trim({ threshold: 1 }).png().toBuffer().catch(() => Buffer.from(bytes));
  const { data, info } = await sharp(trimmed).ensureAlpha().resize({ width: maxW, height: maxH, fit: 'inside' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const rgba = new Uint8Array(data.buffer, data.byteOffset, data.length);
  let transparent = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const u = ((i / 4) % info.width) / info.width;
    const shade = shadeAcross(u, keyX, ratio);
    for (let c = 0; c < 3; c++) rgba[i + c] = to8(srgbToLinear(rgba[i + c] / 255) * shade * light[c]);
    if (rgba[i + 3] < 250) transparent++;
  }
  if (lut) applyLut({ width: info.width, height: info.height, depth: 8, data: rgba }, lut);
  return { rgba: Buffer.from(rgba), width: info.width, height: info.height, cutout: transparent > rgba.length / 4 / 10 };
}

/** A soft elliptical shadow on the floor under a cutout, deeper for a harder light. */
function drawContactShadow(rgb: Uint8Array, W: number, H: number, cx: number, cy: number, rx: number, depth: number) {
  const ry = rx * 0.12;
  for (let y = Math.max(0, Math.floor(cy - ry * 2)); y < Math.min(H, Math.ceil(cy + ry * 2)); y++) {
    for (let x = Math.max(0, Math.floor(cx - rx * 1.5)); x < Math.min(W, Math.ceil(cx + rx * 1.5)); x++) {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      const k = 1 - 0.35 * (0.4 + depth * 0.6) * Math.exp(-d);
      const o = (y * W + x) * 3;
      for (let c = 0; c < 3; c++) rgb[o + c] = Math.round(rgb[o + c] * k);
    }
  }
}
