/**
 * Decodes an approved master once, for all its channel variants: upright, converted to 8-bit sRGB
 * through its embedded profile, kept in memory as raw pixels (RGB, or RGBA when the file has an
 * alpha channel). Bombs, corrupt files and unknown formats are refused by the shared probe.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Raster } from '@brandlock/core';
import { DEFAULT_MAX_PIXELS, ImageDecodeError, probeImage, type ImageInfo } from '../decode-image';

export interface LoadedMaster {
  width: number;
  height: number;
  channels: 3 | 4;
  /** Raw 8-bit sRGB pixels, row-major, `channels` per pixel. */
  pixels: Buffer;
  /** SHA-256 of the file as read, hex. */
  sha256: string;
  /** The file as stored: format, colour space, profile, bit depth. */
  info: ImageInfo;
}

/** Reads and decodes a master file; failures are ImageDecodeErrors whose `code` says why. */
export async function loadMaster(path: string, options: { maxPixels?: number } = {}): Promise<LoadedMaster> {
  return decodeMaster(await readMasterFile(path), options);
}

/**
 * A master file's bytes; a missing or unreadable file is an ImageDecodeError. `sync` reads it in one
 * blocking call (a few ms for a 24 MP JPEG), for the CLI, whose decode cannot start before the bytes
 * are in: fs/promises reads in 512 KiB pieces, each waiting for a turn of a main thread that is busy
 * loading modules and checking the lock meanwhile, and that put about 90 ms before the decode.
 */
export async function readMasterFile(path: string, options: { sync?: boolean } = {}): Promise<Buffer> {
  try {
    return options.sync ? readFileSync(path) : await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImageDecodeError('unreadable', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? (e as Error).message})`);
  }
}

/** Decodes a master already in memory (an upload, a provider result); `info` when it was probed already. */
export async function decodeMaster(bytes: Uint8Array, options: { maxPixels?: number; info?: ImageInfo } = {}): Promise<LoadedMaster> {
  const info = options.info ?? (await probeImage(bytes, options));
  const channels = info.hasAlpha ? 4 : 3;
  try {
    let pipeline = sharp(bytes, { limitInputPixels: options.maxPixels ?? DEFAULT_MAX_PIXELS, failOn: 'truncated' }).autoOrient().toColourspace('srgb');
    pipeline = channels === 4 ? pipeline.ensureAlpha() : pipeline.removeAlpha();
    const { data, info: out } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    if (out.channels !== channels) throw new ImageDecodeError('corrupt', `decoded to ${out.channels} channels, expected ${channels}`);
    return { width: out.width, height: out.height, channels, pixels: data, sha256: createHash('sha256').update(bytes).digest('hex'), info };
  } catch (e) {
    if (e instanceof ImageDecodeError) throw e;
    throw new ImageDecodeError('corrupt', `cannot decode the image: ${(e as Error).message}`);
  }
}

/** The master as a core Raster (RGBA 8-bit); only for RGBA masters, without copying. */
export function masterRaster(master: LoadedMaster): Raster {
  if (master.channels !== 4) throw new TypeError('masterRaster needs an RGBA master');
  return { width: master.width, height: master.height, depth: 8, data: new Uint8Array(master.pixels.buffer, master.pixels.byteOffset, master.pixels.byteLength) };
}
