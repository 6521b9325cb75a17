/**
 * XMP in an MP4: a top-level `uuid` box with the XMP UUID BE7ACFCB-97A9-42E8-9C71-999491E3AFAC and
 * the packet as UTF-8 (XMP Specification Part 3, "MPEG-4"). Appended after the existing boxes, it
 * moves no sample data, so the `stco` chunk offsets stay valid; readers find it by scanning the top
 * level. Video provenance (IPTC DigitalSourceType and brandlock's own fields) travels in it.
 */
import { concatBytes } from '../channels/metadata/bytes';
import { encodeUtf8 } from '../channels/metadata/encode-utf8';

export const XMP_UUID = new Uint8Array([0xbe, 0x7a, 0xcf, 0xcb, 0x97, 0xa9, 0x42, 0xe8, 0x9c, 0x71, 0x99, 0x94, 0x91, 0xe3, 0xaf, 0xac]);

/**
 * The `uuid` box holding an XMP packet.
 * @example concatBytes([mp4, mp4XmpBox(buildXmpPacket(fields))])
 */
export function mp4XmpBox(packet: string): Uint8Array {
  const body = encodeUtf8(packet);
  const header = new Uint8Array(8);
  new DataView(header.buffer).setUint32(0, 8 + 16 + body.length);
  header.set([0x75, 0x75, 0x69, 0x64], 4);
  return concatBytes([header, XMP_UUID, body]);
}

/** The top-level boxes of an MP4: type, offset and size (a 64-bit size is read; size 0 runs to the end). */
export function mp4TopLevelBoxes(bytes: Uint8Array): { type: string; offset: number; size: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: { type: string; offset: number; size: number }[] = [];
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    if (size === 1 && offset + 16 <= bytes.length) size = Number(view.getBigUint64(offset + 8));
    if (size === 0) size = bytes.length - offset;
    if (size < 8 || offset + size > bytes.length) break;
    boxes.push({ type, offset, size });
    offset += size;
  }
  return boxes;
}

/**
 * An MP4 with this XMP packet in a box at its end (replacing an XMP box already there).
 * @example withMp4Xmp(mp4, packet)
 */
export function withMp4Xmp(mp4: Uint8Array, packet: string): Uint8Array {
  const boxes = mp4TopLevelBoxes(mp4);
  const end = boxes.length ? boxes[boxes.length - 1].offset + boxes[boxes.length - 1].size : 0;
  if (!boxes.some((b) => b.type === 'ftyp') || end !== mp4.length) throw new RangeError('not a complete MP4: its top-level boxes do not cover the file');
  const isXmp = (b: { type: string; offset: number }) => b.type === 'uuid' && XMP_UUID.every((v, i) => mp4[b.offset + 8 + i] === v);
  const last = boxes[boxes.length - 1];
  if (boxes.slice(0, -1).some(isXmp)) throw new RangeError('the MP4 has an XMP box before its last box; replacing it would move the media data');
  const keep = isXmp(last) ? mp4.subarray(0, last.offset) : mp4;
  return concatBytes([keep, mp4XmpBox(packet)]);
}
