/**
 * Reads an ICC profile's header and tag table (ICC.1 §7), checking what every profile must satisfy:
 * the 'acsp' magic, the size field matching the bytes, tags inside the profile. Used to check the
 * DeviceLinks brandlock writes and to read back the profile Photoshop stores in a Color Lookup layer.
 */

export interface IccTagEntry {
  signature: string;
  offset: number;
  size: number;
  /** The tag's type signature (its first 4 bytes), e.g. 'mft2', 'desc'. */
  type: string;
}

export interface IccProfileInfo {
  size: number;
  /** e.g. "2.4.0" */
  version: string;
  deviceClass: string;
  colorSpace: string;
  pcs: string;
  created: Date;
  renderingIntent: number;
  /** PCS illuminant XYZ from the header. */
  illuminant: [number, number, number];
  tags: IccTagEntry[];
}

export type IccParseResult = { success: true; profile: IccProfileInfo } | { success: false; message: string };

/**
 * Parses header and tag table; tag data is left to the readers of each type.
 * @example parseIccProfile(bytes) // { success: true, profile: { deviceClass: 'link', version: '2.4.0', ... } }
 */
export function parseIccProfile(bytes: Uint8Array): IccParseResult {
  if (bytes.length < 132) return { success: false, message: `${bytes.length} bytes is too short for an ICC profile (header and tag count take 132)` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = (at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (sig(36) !== 'acsp') return { success: false, message: `no 'acsp' signature at byte 36 (found "${sig(36)}"): not an ICC profile` };
  const size = view.getUint32(0);
  if (size !== bytes.length) return { success: false, message: `the header says ${size} bytes, the profile has ${bytes.length}` };
  const count = view.getUint32(128);
  if (132 + count * 12 > size) return { success: false, message: `the tag table (${count} tags) runs past the end of the profile` };
  const tags: IccTagEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12;
    const offset = view.getUint32(at + 4);
    const tagSize = view.getUint32(at + 8);
    if (offset + tagSize > size || tagSize < 8) return { success: false, message: `tag ${sig(at)} (offset ${offset}, size ${tagSize}) does not fit in the profile` };
    tags.push({ signature: sig(at), offset, size: tagSize, type: sig(offset) });
  }
  const version = bytes[8];
  const s15 = (at: number) => view.getInt32(at) / 65536;
  return {
    success: true,
    profile: {
      size,
      version: `${version}.${bytes[9] >> 4}.${bytes[9] & 15}`,
      deviceClass: sig(12),
      colorSpace: sig(16),
      pcs: sig(20),
      created: new Date(Date.UTC(view.getUint16(24), view.getUint16(26) - 1, view.getUint16(28), view.getUint16(30), view.getUint16(32), view.getUint16(34))),
      renderingIntent: view.getUint32(64),
      illuminant: [s15(68), s15(72), s15(76)],
      tags,
    },
  };
}
