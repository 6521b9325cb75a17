/** The image formats `lut apply` writes, and which one a file name asks for. */

export type EncodeFormat = 'png' | 'jpeg' | 'tiff' | 'webp';

/** The output format a file name asks for, from its extension. */
export function formatForPath(path: string): EncodeFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const formats: Record<string, EncodeFormat> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', tif: 'tiff', tiff: 'tiff', webp: 'webp' };
  return ext ? (formats[ext] ?? null) : null;
}
