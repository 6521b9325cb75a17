/**
 * The colour of a light from its correlated colour temperature and tint, as linear sRGB scaled so its
 * largest channel is 1. Uses the Kim et al. cubic fit of the Planckian locus (1667-25000 K) to get
 * CIE xy, then XYZ to linear sRGB. Tint is approximated as a green (-) / magenta (+) shift of the
 * green channel, one unit = 0.2 %: enough for a study of the preset, not a colorimetric model.
 */

/** CIE 1931 xy of a blackbody at `kelvin` (Kim et al. 2002). */
export function planckianXy(kelvin: number): { x: number; y: number } {
  const t = Math.min(25000, Math.max(1667, kelvin));
  const x =
    t <= 4000
      ? -0.2661239e9 / t ** 3 - 0.234358e6 / t ** 2 + 0.8776956e3 / t + 0.17991
      : -3.0258469e9 / t ** 3 + 2.1070379e6 / t ** 2 + 0.2226347e3 / t + 0.24039;
  const y =
    t <= 2222
      ? -1.1063814 * x ** 3 - 1.3481102 * x ** 2 + 2.18555832 * x - 0.20219683
      : t <= 4000
        ? -0.9549476 * x ** 3 - 1.37418593 * x ** 2 + 2.09137015 * x - 0.16748867
        : 3.081758 * x ** 3 - 5.8733867 * x ** 2 + 3.75112997 * x - 0.37001483;
  return { x, y };
}

/** Linear-light RGB of the light, largest channel 1. */
export function lightColour(kelvin: number, tint = 0): [number, number, number] {
  const { x, y } = planckianXy(kelvin);
  const X = x / y;
  const Z = (1 - x - y) / y;
  let r = 3.2409699419045226 * X - 1.537383177570094 - 0.4986107602930034 * Z;
  let g = -0.9692436362808796 * X + 1.8759675015077204 + 0.04155505740717559 * Z;
  let b = 0.05563007969699366 * X - 0.20397695888897652 + 1.0569715142428786 * Z;
  g *= 1 - tint * 0.002;
  [r, g, b] = [r, g, b].map((v) => Math.max(0, v));
  const max = Math.max(r, g, b);
  return [r / max, g / max, b / max];
}
