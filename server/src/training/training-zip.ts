/**
 * The training set as a zip, as fal's and Replicate's FLUX LoRA trainers read it: each image plus a
 * caption file of the same name (`01-<sha>.jpg` and `01-<sha>.txt`) holding the trigger word and what
 * the library knows of the photo. Entries are stored (images are compressed already), in a fixed
 * order with a fixed date, so the same picks always give the same bytes and the same hash.
 * Layout per PKWARE's APPNOTE: local headers, central directory, end record; UTF-8 names (bit 11).
 */
import { createHash } from 'node:crypto';
import { crc32 } from '@brandlock/core';

export interface TrainingImage {
  sha256: string;
  bytes: Uint8Array;
  /** "jpg", "png", "webp". */
  ext: string;
  caption: string;
}

export function buildTrainingZip(images: readonly TrainingImage[]): { zip: Uint8Array; sha256: string; names: string[] } {
  const sorted = [...images].sort((a, b) => a.sha256.localeCompare(b.sha256));
  const entries: { name: string; data: Uint8Array }[] = [];
  sorted.forEach((img, i) => {
    const base = `${String(i + 1).padStart(3, '0')}-${img.sha256.slice(0, 12)}`;
    entries.push({ name: `${base}.${img.ext}`, data: img.bytes }, { name: `${base}.txt`, data: new TextEncoder().encode(img.caption) });
  });
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const DOS_TIME = 0;
  const DOS_DATE = (2026 - 1980) << 9 | (1 << 5) | 1;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const crc = crc32(e.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, 0, true);
    local.setUint16(10, DOS_TIME, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, 0, true);
    cd.setUint16(12, DOS_TIME, true);
    cd.setUint16(14, DOS_DATE, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, e.data.length, true);
    cd.setUint32(24, e.data.length, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const parts = [...chunks, ...central, new Uint8Array(end.buffer)];
  const zip = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    zip.set(p, at);
    at += p.length;
  }
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('the training set is too large for a zip without ZIP64');
  return { zip, sha256: createHash('sha256').update(zip).digest('hex'), names: entries.map((e) => e.name) };
}
