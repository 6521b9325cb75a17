/**
 * What the fake Photoshop needs to know of an MP4 it is asked to open: that it is one (an `ftyp` box
 * first, a `moov` with a video track), and the picture size its track header (`tkhd`) declares, which
 * is the size of the document Photoshop makes from it. A file that is not a readable MP4 is refused
 * as Photoshop refuses one, so a flow that writes the wrong bytes or a truncated clip fails here too.
 */

export interface Mp4Facts {
  width: number;
  height: number;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function boxes(bytes: Uint8Array, from: number, to: number): Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) break;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return [...out, { type: `${type}!truncated`, start: at + header, end: to }];
    out.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return out;
}

/** The size of the first video track, or null when the bytes are not an MP4 with one. */
export function readMp4Facts(bytes: Uint8Array): Mp4Facts | null {
  const top = boxes(bytes, 0, bytes.length);
  if (top[0]?.type !== 'ftyp') return null;
  const moov = top.find((b) => b.type === 'moov');
  if (!moov || top.some((b) => b.type.endsWith('!truncated'))) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const trak of boxes(bytes, moov.start, moov.end).filter((b) => b.type === 'trak')) {
    const inner = boxes(bytes, trak.start, trak.end);
    const mdia = inner.find((b) => b.type === 'mdia');
    const hdlr = mdia && boxes(bytes, mdia.start, mdia.end).find((b) => b.type === 'hdlr');
    const handler = hdlr ? String.fromCharCode(...bytes.subarray(hdlr.start + 8, hdlr.start + 12)) : '';
    const tkhd = inner.find((b) => b.type === 'tkhd');
    if (handler !== 'vide' || !tkhd) continue;
    // tkhd: version 1 has 64-bit times, so width and height (16.16 fixed) sit 12 bytes further on.
    const at = tkhd.start + (bytes[tkhd.start] === 1 ? 88 : 76);
    const width = Math.round(view.getUint32(at) / 65536);
    const height = Math.round(view.getUint32(at + 4) / 65536);
    if (width > 0 && height > 0) return { width, height };
  }
  return null;
}
