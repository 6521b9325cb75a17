/** `PUT /v1/uploads`: raw image bytes in, a content-addressed reference out. */
import { z } from 'zod';
import { BlobRef, Sha256Hex } from './common';

export const UploadResult = z.object({
  ref: BlobRef,
  sha256: Sha256Hex,
  contentType: z.string().describe('The type sniffed from the bytes, not the one the client claimed'),
  format: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  created: z.boolean().describe('False when the same bytes were already stored'),
});
export type UploadResult = z.infer<typeof UploadResult>;

/** `PUT /v1/luts`: a .cube file in, its sha256 (the one a lock pins) out. */
export const LutUploadResult = z.object({
  ref: BlobRef,
  sha256: Sha256Hex,
  title: z.string().nullable(),
  /** e.g. "3D 33³" or "1D 1024 shaper + 3D 33³". */
  description: z.string(),
  bytes: z.number().int(),
  created: z.boolean(),
});
export type LutUploadResult = z.infer<typeof LutUploadResult>;
