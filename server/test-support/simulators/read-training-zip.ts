/**
 * What the simulated trainers do first with a training set, as the real ones do: fetch the zip from
 * the URL they were given and read it. A file that is not a zip, an entry whose CRC does not match,
 * or a set without images makes the training fail, with the reason the trainer would give.
 */
import { crc32 } from 'node:zlib';

export type ZipCheck = { ok: true; images: number; captions: number } | { ok: false; reason: string };

export function readTrainingZip(zip: Uint8Array): ZipCheck {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'the archive is not a zip file (no end of central directory)' };
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let images = 0;
  let captions = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) return { ok: false, reason: `central directory entry ${n + 1} is damaged` };
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLen));
    if (local + 30 > zip.length || view.getUint32(local, true) !== 0x04034b50) return { ok: false, reason: `${name}: local header missing` };
    const method = view.getUint16(local + 8, true);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (method === 0 && crc32(zip.subarray(dataAt, dataAt + size)) >>> 0 !== crc) return { ok: false, reason: `${name}: CRC mismatch` };
    if (/\.(jpe?g|png|webp)$/i.test(name)) images++;
    if (/\.txt$/i.test(name)) captions++;
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (!images) return { ok: false, reason: 'the archive has no images (jpg, png or webp)' };
  return { ok: true, images, captions };
}
