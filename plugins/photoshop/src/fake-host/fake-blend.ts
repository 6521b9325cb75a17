/**
 * Blend modes in the fake Photoshop's compositing: what a layer's colour becomes over what is below it
 * before opacity and mask mix it in. Color and Luminosity are the non-separable modes of the PDF
 * blend model Photoshop shares (W3C Compositing and Blending, "Non-separable blend modes"): Color keeps
 * the backdrop's luminosity and takes the layer's hue and saturation; Luminosity the reverse. Channels
 * are 0..1. Modes the fake does not composite are refused rather than drawn as Normal.
 */

type Rgb = [number, number, number];

const lum = (c: Rgb) => 0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2];

function clipColor(c: Rgb): Rgb {
  const l = lum(c);
  const n = Math.min(c[0], c[1], c[2]);
  const x = Math.max(c[0], c[1], c[2]);
  let out = c;
  if (n < 0) out = out.map((v) => l + ((v - l) * l) / (l - n)) as Rgb;
  if (x > 1) out = out.map((v) => l + ((v - l) * (1 - l)) / (x - l)) as Rgb;
  return out;
}

function setLum(c: Rgb, l: number): Rgb {
  const d = l - lum(c);
  return clipColor([c[0] + d, c[1] + d, c[2] + d]);
}

/** The colour a layer of this mode shows over `base`, before its opacity and mask. */
export function blendColor(mode: string, base: Rgb, layer: Rgb): Rgb {
  switch (mode) {
    case 'normal':
      return layer;
    case 'color':
      return setLum(layer, lum(base));
    case 'luminosity':
      return setLum(base, lum(layer));
    default:
      throw new Error(`FakePhotoshop: the ${mode} blend mode is not composited by the fake`);
  }
}
