/**
 * Legacy IPTC (IIM) for JPEG, wrapped as Photoshop image resource 0x0404 in an APP13 segment, for
 * DAMs and newsroom tools that read IIM before XMP. UTF-8 is declared (dataset 1:90); each value is
 * cut on a character boundary to the length IIM allows. IIM has no digital source type: that lives
 * in the XMP packet only.
 */

import { encodeUtf8 } from './encode-utf8';
import { concatBytes } from './bytes';

export interface IptcFields {
  /** 2:05 Object Name, up to 64 bytes. */
  title: string;
  /** 2:120 Caption/Abstract, up to 2000 bytes. */
  description: string;
  /** 2:110 Credit, up to 32 bytes. */
  credit: string;
  /** 2:25 Keywords, up to 64 bytes each. */
  keywords: string[];
  /** 2:103 Original Transmission Reference (the job id), up to 32 bytes. */
  jobId?: string;
  /** 2:80 By-line, up to 32 bytes. */
  creator?: string;
  /** 2:116 Copyright Notice, up to 128 bytes. */
  copyright?: string;
}

/**
 * The IIM datasets alone (records 1 and 2).
 * @example buildIptcIim({ title: 'NF-1001 front', description: '', credit: 'Northfold', keywords: ['NF-1001'] })
 */
export function buildIptcIim(f: IptcFields): Uint8Array {
  const parts: Uint8Array[] = [dataset(1, 90, new Uint8Array([0x1b, 0x25, 0x47])), dataset(2, 0, new Uint8Array([0, 4]))];
  const text = (num: number, value: string | undefined, max: number) => {
    const bytes = utf8Prefix(value ?? '', max);
    if (bytes.length) parts.push(dataset(2, num, bytes));
  };
  text(5, f.title, 64);
  for (const k of f.keywords) text(25, k, 64);
  text(65, 'brandlock', 32);
  text(80, f.creator, 32);
  text(103, f.jobId, 32);
  text(110, f.credit, 32);
  text(116, f.copyright, 128);
  text(120, f.description, 2000);
  return concatBytes(parts);
}

/**
 * A complete APP13 segment (marker included) carrying the datasets.
 * @example const jpeg = insertJpegSegment(await sharp(px).jpeg().toBuffer(), buildIptcApp13(fields));
 */
export function buildIptcApp13(f: IptcFields): Uint8Array {
  const iim = buildIptcIim(f);
  const resource = concatBytes([encodeUtf8('8BIM'), new Uint8Array([0x04, 0x04, 0, 0]), u32(iim.length), iim, new Uint8Array(iim.length % 2)]);
  const body = concatBytes([encodeUtf8('Photoshop 3.0\0'), resource]);
  if (body.length + 2 > 0xffff) throw new RangeError('IPTC data is too large for one APP13 segment');
  return concatBytes([new Uint8Array([0xff, 0xed, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
}

function dataset(record: number, num: number, data: Uint8Array): Uint8Array {
  return concatBytes([new Uint8Array([0x1c, record, num, data.length >> 8, data.length & 0xff]), data]);
}

/** The longest UTF-8 prefix of at most `max` bytes that does not split a character. */
function utf8Prefix(value: string, max: number): Uint8Array {
  const bytes = encodeUtf8(value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim());
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

