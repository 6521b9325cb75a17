/**
 * The quality a JPEG was saved at, estimated from its luminance quantisation table: the IJG
 * (libjpeg) quality 1..100 whose scaled standard table is closest to the file's. Encoders that use
 * the IJG tables (libjpeg, libjpeg-turbo, most cameras' "fine" and sharp/libvips) give their setting
 * back exactly; others (Photoshop's 0..12) land on the IJG quality of similar coarseness.
 */

/** The JPEG standard's luminance table (Annex K), in zigzag order as files store it. */
const STANDARD = [
  16, 11, 12, 14, 12, 10, 16, 14, 13, 14, 18, 17, 16, 19, 24, 40, 26, 24, 22, 22, 24, 49, 35, 37, 29, 40, 58, 51, 61, 60, 57, 51, 56, 55, 64, 72, 92, 78,
  64, 68, 87, 69, 55, 56, 80, 109, 81, 87, 95, 98, 103, 104, 103, 62, 77, 113, 121, 112, 100, 120, 92, 101, 103, 99,
];

/**
 * The luminance quantisation table (64 values, zigzag order) of a JPEG, or null when the bytes are
 * not a JPEG or hold no table 0 before the image data.
 * @example jpegLuminanceTable(bytes)?.[0] // 8 at quality 75
 */
export function jpegLuminanceTable(bytes: Uint8Array): number[] | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1];
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (bytes[p + 2] << 8) | bytes[p + 3];
    const end = p + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === 0xdb) {
      for (let q = p + 4; q < end; ) {
        const precision = bytes[q] >> 4;
        const id = bytes[q] & 15;
        const size = precision ? 128 : 64;
        if (q + 1 + size > end) return null;
        if (id === 0) return Array.from({ length: 64 }, (_, i) => (precision ? (bytes[q + 1 + 2 * i] << 8) | bytes[q + 2 + 2 * i] : bytes[q + 1 + i]));
        q += 1 + size;
      }
    }
    p = end;
  }
  return null;
}

/**
 * The luminance table libjpeg writes at an IJG quality (zigzag order).
 * @example ijgLuminanceTable(50)[0] // 16
 */
export function ijgLuminanceTable(quality: number): number[] {
  const scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
  return STANDARD.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))));
}

/**
 * The IJG quality (1..100) whose luminance table is nearest the file's (sum of absolute differences),
 * or null for a non-JPEG.
 * @example estimateJpegQuality(await sharp(raw).jpeg({ quality: 20 }).toBuffer()) // 20
 */
export function estimateJpegQuality(bytes: Uint8Array): number | null {
  const table = jpegLuminanceTable(bytes);
  if (!table) return null;
  let best = 1;
  let bestError = Infinity;
  for (let q = 1; q <= 100; q++) {
    const ijg = ijgLuminanceTable(q);
    let error = 0;
    for (let i = 0; i < 64; i++) error += Math.abs(table[i] - ijg[i]);
    if (error < bestError) {
      bestError = error;
      best = q;
    }
  }
  return best;
}
