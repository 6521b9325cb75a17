/**
 * Big-endian byte writing for ICC profiles: a growable buffer with the field types the ICC
 * specification uses (uInt8/16/32Number, s15Fixed16Number, 4-byte signatures, 7-bit ASCII).
 */

export class IccWriter {
  private bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(v: number): this {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
    return this;
  }

  u16(v: number): this {
    this.ensure(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
    return this;
  }

  u32(v: number): this {
    this.ensure(4);
    this.view.setUint32(this.length, v >>> 0);
    this.length += 4;
    return this;
  }

  /** s15Fixed16Number: a signed number with 16 fractional bits. */
  s15f16(v: number): this {
    this.ensure(4);
    this.view.setInt32(this.length, Math.round(v * 65536));
    this.length += 4;
    return this;
  }

  /** A 4-character signature such as 'acsp'; 0 when empty. */
  sig(s: string): this {
    if (s === '') return this.u32(0);
    if (s.length !== 4) throw new RangeError(`an ICC signature has 4 characters, got "${s}"`);
    for (let i = 0; i < 4; i++) this.u8(s.charCodeAt(i));
    return this;
  }

  /** 7-bit ASCII text; anything else becomes "?". */
  ascii(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.u8(c >= 32 && c < 127 ? c : 63);
    }
    return this;
  }

  zeros(n: number): this {
    this.ensure(n);
    this.bytes.fill(0, this.length, this.length + n);
    this.length += n;
    return this;
  }

  /** Zero-pads to a multiple of 4 bytes, as ICC tag data and profile sizes must be. */
  align4(): this {
    return this.zeros((4 - (this.length % 4)) % 4);
  }

  append(data: Uint8Array): this {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
    return this;
  }

  setU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0);
  }

  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}
