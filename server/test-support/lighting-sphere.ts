/**
 * A test fixture for lighting calibration (once the server's offline lighting study, now replaced by
 * moodboard cell studies): a sphere in the garment's colour on the preset's backdrop, lit by its key and
 * fill (direction, ratio, colour temperature), with a soft floor shadow, labelled as a study. It shows
 * what the light does to a colour; it is not, and does not look like, a product photograph.
 */
import sharp from 'sharp';
import { labToSrgb, linearToSrgb, parseColor, srgbToLinear, type LightingPreset } from '@brandlock/core';
import { lightColour } from '../src/pipeline/studies/light-colour';
import { keyVector } from '../src/pipeline/studies/key-direction';
import { studyLabelSvg } from '../src/pipeline/studies/study-label';

type Direction = Parameters<typeof keyVector>[0];

/** The fill: mirrored left-right, lower and more frontal than the key. */
function fillVector(direction: Direction): [number, number, number] {
  const [x] = keyVector(direction);
  const n = Math.hypot(x * 0.6, 1);
  return [(-x * 0.6) / n, 0, 1 / n];
}

export interface LightingStudyInput {
  preset: LightingPreset;
  /** The object's colour (a palette swatch) and its name for the caption. */
  objectColor: string;
  objectName: string;
  width: number;
  height: number;
}

function linearRgbOf(color: string): [number, number, number] {
  const parsed = parseColor(color);
  const [r, g, b] = parsed.success ? labToSrgb(parsed.lab) : [0.5, 0.5, 0.5];
  return [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
}

/** Renders the study as PNG bytes. */
export async function renderLightingStudy(input: LightingStudyInput): Promise<Uint8Array> {
  const { preset, width, height } = input;
  const light = lightColour(preset.colorTemperatureK, preset.tint);
  const key = keyVector(preset.keyDirection);
  const fill = fillVector(preset.keyDirection);
  const fillStrength = 1 / preset.keyFillRatio;
  const albedo = linearRgbOf(input.objectColor);
  const backdrop = linearRgbOf(preset.background);
  const radius = Math.min(width, height) * 0.27;
  const cx = width / 2;
  const cy = height * 0.42;
  const floorY = cy + radius * 1.02;
  const shadowX = cx - key[0] * radius * 0.9;
  const half: [number, number, number] = [key[0] + 0, key[1] + 0, key[2] + 1];
  const hn = Math.hypot(...half);
  const h = half.map((v) => v / hn);
  const data = new Uint8Array(width * height * 3);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const nx = (px + 0.5 - cx) / radius;
      const ny = (cy - (py + 0.5)) / radius;
      const d2 = nx * nx + ny * ny;
      let rgb: number[];
      if (d2 <= 1) {
        const nz = Math.sqrt(1 - d2);
        const diffuseKey = Math.max(0, nx * key[0] + ny * key[1] + nz * key[2]);
        const diffuseFill = Math.max(0, nx * fill[0] + ny * fill[1] + nz * fill[2]) * fillStrength;
        const spec = Math.pow(Math.max(0, nx * h[0] + ny * h[1] + nz * h[2]), 60) * 0.25;
        rgb = albedo.map((a, c) => (a * (diffuseKey + diffuseFill + 0.03) + spec) * light[c]);
      } else {
        // The sweep: the backdrop colour, a touch darker towards the floor, and the object's shadow.
        const sweep = 1 - 0.08 * Math.max(0, (py - cy) / (height - cy));
        const sx = (px - shadowX) / (radius * 1.2);
        const sy = (py - floorY) / (radius * 0.22);
        const shadow = py > cy ? 1 - (0.55 * (1 - fillStrength * 0.5)) * Math.exp(-(sx * sx + sy * sy)) : 1;
        rgb = backdrop.map((v, c) => v * sweep * shadow * (0.85 + 0.15 * light[c]));
      }
      const o = (py * width + px) * 3;
      for (let c = 0; c < 3; c++) data[o + c] = Math.round(Math.min(1, Math.max(0, linearToSrgb(rgb[c]))) * 255);
    }
  }
  const caption = studyLabelSvg(width, height, 'LIGHTING STUDY (rendered, not a photograph)', [
    `${preset.name}: ${preset.colorTemperatureK} K, tint ${preset.tint}, key ${preset.keyDirection}, key:fill ${preset.keyFillRatio}:1`,
    `Sphere in ${input.objectName} on backdrop ${preset.background}; exposure target L* ${preset.exposure.targetL}`,
  ]);
  const png = await sharp(data, { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(caption), top: 0, left: 0 }])
    .png({ compressionLevel: 6 })
    .toBuffer();
  return new Uint8Array(png);
}
