/**
 * Packs delivered files into one zip with a manifest.json a DAM import can read (file, channel, size,
 * bytes, sha256, quality). Already-compressed images are stored, not deflated again. Two files with
 * one name (case-insensitive, as on macOS and Windows) are refused, never overwritten.
 */
import { zipSync, type Zippable } from 'fflate';
import { sha256Hex } from '@brandlock/core/hash';

export interface ZipEntry {
  fileName: string;
  channelId: string;
  width: number;
  height: number;
  format: string;
  quality: number | null;
  bytes: Uint8Array;
}

export type DeliveryZipResult = { success: true; zip: Uint8Array } | { success: false; duplicates: string[] };

export function buildDeliveryZip(entries: ZipEntry[], meta: Record<string, string>): DeliveryZipResult {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const e of entries) {
    const key = e.fileName.toLowerCase();
    if (seen.has(key) || key === 'manifest.json') duplicates.add(e.fileName);
    seen.add(key);
  }
  if (duplicates.size) return { success: false, duplicates: [...duplicates] };
  const files: Zippable = {};
  const manifest = [];
  for (const e of entries) {
    files[e.fileName] = [e.bytes, { level: e.format === 'tiff' ? 6 : 0 }];
    manifest.push({ file: e.fileName, channel: e.channelId, width: e.width, height: e.height, format: e.format, quality: e.quality, bytes: e.bytes.length, sha256: sha256Hex(e.bytes) });
  }
  files['manifest.json'] = new TextEncoder().encode(`${JSON.stringify({ ...meta, files: manifest }, null, 2)}\n`);
  return { success: true, zip: zipSync(files) };
}
