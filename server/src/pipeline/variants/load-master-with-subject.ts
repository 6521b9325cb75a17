/**
 * A master decoded for its variants together with where its subject is. For a JPEG whose subject is
 * not given, the subject estimate runs on a proxy decoded with shrink-on-load straight from the file
 * while the full decode goes on beside it (libvips on another thread), instead of after it: on a
 * 24 MP master that takes the decode and the estimate off each other's path (about 150 ms of wall
 * time); the proxy costs about 25 ms more CPU than reducing the decoded master. Other formats, and
 * masters with a given subject, are decoded first as before (a PNG's alpha is its subject).
 */
import { findSubject, findSubjectInJpeg, type FoundSubject } from './find-subject';
import { decodeMaster, type LoadedMaster } from './load-master';
import { DEFAULT_MAX_PIXELS, ImageDecodeError, probeImage } from '../decode-image';
import type { Box } from '@brandlock/core';

export interface MasterWithSubject {
  master: LoadedMaster;
  subject: FoundSubject;
}

export async function loadMasterWithSubject(bytes: Uint8Array, given: Box | null | undefined, options: { maxPixels?: number } = {}): Promise<MasterWithSubject> {
  // The probe refuses bombs, corrupt and unknown files before either decode starts.
  const info = await probeImage(bytes, options);
  if (given || info.format !== 'jpeg') {
    const master = await decodeMaster(bytes, { ...options, info });
    return { master, subject: await findSubject(master, given) };
  }
  const [master, subject] = await Promise.allSettled([decodeMaster(bytes, { ...options, info }), findSubjectInJpeg(bytes, info, options.maxPixels ?? DEFAULT_MAX_PIXELS)]);
  // The decode's error says best what is wrong with the file; the proxy fails only with it.
  if (master.status === 'rejected') throw master.reason;
  if (subject.status === 'rejected') throw new ImageDecodeError('corrupt', `cannot decode the image: ${(subject.reason as Error).message}`);
  return { master: master.value, subject: subject.value };
}
