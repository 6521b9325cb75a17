/**
 * Numbers as swatch files hold them, written back as the shortest decimal that reads back the same:
 * a float32 0.52 from an .ase file is 0.5199999809..., which a person typed as 0.52.
 */

/**
 * The shortest decimal text that rounds to the same float32.
 * @example float32Text(Math.fround(0.52)) // "0.52"
 */
export function float32Text(value: number): string {
  const f = Math.fround(value);
  for (let p = 1; p <= 9; p++) {
    const s = Number(f.toPrecision(p));
    if (Math.fround(s) === f) return trim(s);
  }
  return trim(f);
}

/** A double to at most `digits` decimals without trailing zeros. @example decimalText(52.100, 4) // "52.1" */
export function decimalText(value: number, digits = 4): string {
  const r = Number(value.toFixed(digits));
  return trim(Object.is(r, -0) ? 0 : r);
}

function trim(n: number): string {
  return String(Object.is(n, -0) ? 0 : n);
}

/** `lab(L a b)` text from numbers, to 4 decimals. @example labNotation({ l: 52, a: -3.25, b: 20 }) // "lab(52 -3.25 20)" */
export function labNotation(lab: { l: number; a: number; b: number }, digits = 4): string {
  return `lab(${decimalText(lab.l, digits)} ${decimalText(lab.a, digits)} ${decimalText(lab.b, digits)})`;
}

/** `#rrggbb` from 0..1 channels, rounded to 8 bits. @example hexOf(1, 0.5, 0) // "#ff8000" */
export function hexOf(r: number, g: number, b: number): string {
  const h = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}
