/**
 * The fake's image store, with Figma's documented limits: PNG, JPEG or GIF only, at most 4096 px a side
 * (figma.createImage throws otherwise). The size is read from the file header, as Figma reports it.
 * Videos too, as figma.createVideoAsync documents them: MP4, MOV or WebM up to 100 MB, and only in
 * files of paid teams (Professional, Organization, Enterprise, Education); on a free Starter team it
 * throws, so a plugin must fall back to something else there.
 */
import { decodePng, type RgbaImage } from '../support/png';

export type ImageDecoder = (bytes: Uint8Array) => Promise<RgbaImage>;

export interface FakeImage {
  readonly hash: string;
  getBytesAsync(): Promise<Uint8Array>;
  getSizeAsync(): Promise<{ width: number; height: number }>;
}

export const MAX_IMAGE_SIDE = 4096;
export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;

/** The team plan of the file the plugin runs in. */
export type FigmaPlan = 'starter' | 'professional' | 'organization' | 'enterprise' | 'education';

export interface FakeVideo {
  readonly hash: string;
}

/** MP4 and MOV start with an `ftyp` box; WebM with the EBML magic. */
function isVideo(b: Uint8Array): boolean {
  const ftyp = b.length > 12 && b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70;
  const ebml = b.length > 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;
  return ftyp || ebml;
}

export function createImageStore(decodeOther?: ImageDecoder) {
  const images = new Map<string, { bytes: Uint8Array; width: number; height: number; format: string }>();
  const decoded = new Map<string, Promise<RgbaImage>>();

  const wrap = (hash: string): FakeImage => {
    const entry = images.get(hash)!;
    return {
      hash,
      getBytesAsync: async () => entry.bytes.slice(),
      getSizeAsync: async () => ({ width: entry.width, height: entry.height }),
    };
  };

  const videos = new Set<string>();
  return {
    /** figma.createVideoAsync, with the errors its documentation lists. */
    async createVideo(bytes: Uint8Array, plan: FigmaPlan): Promise<FakeVideo> {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('createVideoAsync: expected a Uint8Array');
      if (plan === 'starter') throw new Error('Uploading videos only works in files in paid Pro teams');
      if (!isVideo(bytes)) throw new Error('Video file type must be MP4');
      if (bytes.length >= MAX_VIDEO_BYTES) throw new Error('Video file must be less than 100MB');
      const hash = contentHash(bytes);
      videos.add(hash);
      return { hash };
    },
    hasVideo: (hash: string) => videos.has(hash),
    create(bytes: Uint8Array): FakeImage {
      if (!(bytes instanceof Uint8Array)) throw new TypeError('createImage: expected a Uint8Array');
      const info = sniffImage(bytes);
      if (!info) throw new Error('Image type is unsupported');
      if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) throw new Error('Image is too large');
      if (info.width < 1 || info.height < 1) throw new Error('Image is too small');
      const hash = contentHash(bytes);
      if (!images.has(hash)) images.set(hash, { bytes: bytes.slice(), ...info });
      return wrap(hash);
    },
    get(hash: string): FakeImage | null {
      return images.has(hash) ? wrap(hash) : null;
    },
    has: (hash: string) => images.has(hash),
    size: (hash: string) => images.get(hash),
    count: () => images.size,
    /** Decoded pixels for rendering exports: PNG in-house, anything else through the injected decoder. */
    pixels(hash: string): Promise<RgbaImage> {
      let p = decoded.get(hash);
      if (!p) {
        const entry = images.get(hash);
        if (!entry) return Promise.reject(new Error(`no image ${hash}`));
        if (entry.format === 'png') p = Promise.resolve(decodePng(entry.bytes));
        else if (decodeOther) p = decodeOther(entry.bytes);
        else p = Promise.reject(new Error(`fake figma: no decoder configured for ${entry.format} images`));
        decoded.set(hash, p);
      }
      return p;
    },
  };
}

export type ImageStore = ReturnType<typeof createImageStore>;

/** Format and pixel size from the header of a PNG, JPEG or GIF; null for anything else. */
export function sniffImage(b: Uint8Array): { format: 'png' | 'jpeg' | 'gif'; width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    return { format: 'png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { format: 'gif', width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let o = 2;
    while (o + 9 < b.length) {
      if (b[o] !== 0xff) return null;
      const marker = b[o + 1];
      const len = dv.getUint16(o + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { format: 'jpeg', height: dv.getUint16(o + 5), width: dv.getUint16(o + 7) };
      }
      o += 2 + len;
    }
  }
  return null;
}

/** Figma image hashes are 40 hex digits (SHA-1 of the bytes); FNV-1a twice is enough for a fake. */
function contentHash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 16777619);
    h2 = Math.imul(h2 ^ bytes[bytes.length - 1 - i], 2246822519);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return (hex(h1) + hex(h2) + hex(h1 ^ h2) + hex(Math.imul(h1, 31) ^ h2) + hex(bytes.length)).slice(0, 40);
}
