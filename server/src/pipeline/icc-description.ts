/** Reads the human name of an ICC profile, for messages such as "profile kept (Display P3)". */

/** The profile description tag ('desc') of an ICC profile, for reports ("sRGB IEC61966-2.1"). */
export function iccDescription(icc: Uint8Array): string | undefined {
  const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
  if (icc.byteLength < 132) return undefined;
  const count = view.getUint32(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= icc.byteLength; i++) {
    const sig = view.getUint32(132 + i * 12);
    if (sig !== 0x64657363) continue; // 'desc'
    const off = view.getUint32(132 + i * 12 + 4);
    const type = String.fromCharCode(...icc.subarray(off, off + 4));
    if (type === 'desc') {
      const len = view.getUint32(off + 8);
      return new TextDecoder('latin1').decode(icc.subarray(off + 12, off + 12 + len)).replace(/\0+$/, '');
    }
    if (type === 'mluc') {
      const recOff = view.getUint32(off + 20 + 4);
      const recLen = view.getUint32(off + 20);
      const text = icc.subarray(off + recOff, off + recOff + recLen);
      let s = '';
      for (let j = 0; j + 1 < text.length; j += 2) s += String.fromCharCode((text[j] << 8) | text[j + 1]);
      return s;
    }
  }
  return undefined;
}
