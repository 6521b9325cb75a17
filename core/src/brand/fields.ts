/**
 * Field schemas shared across the Brand Lock: ids, colours, relative file paths, text lengths.
 * Ids are the keys references use, so they are strict slugs.
 */
import { z } from 'zod';
import { COLOR_SYNTAX, isColorString } from '../color/parse-color';

/** A reference id: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'expected an id of lowercase letters, digits, "-" or "_" (at most 64)');

/** Free text a person wrote (names, notes), bounded so a lock cannot carry megabytes of prose. */
export const Text = (max = 2000) => z.string().max(max, `expected at most ${max} characters`);

/** A non-empty display name. */
export const Name = z.string().min(1, 'expected a non-empty name').max(200);

/** A colour as sRGB hex or Lab D65, see parseColor. */
export const ColorString = z.string().refine(isColorString, { message: `expected ${COLOR_SYNTAX}` });

/** A path relative to the lock file, inside its folder: no absolute paths, no `..` segments. */
export const RelativePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !/^([a-zA-Z]:)?[\\/]/.test(p), { message: 'expected a path relative to the lock file' })
  .refine((p) => !p.split(/[\\/]/).includes('..'), { message: 'expected a path inside the lock folder (no "..")' })
  .refine((p) => !/[\u0000-\u001f]/.test(p), { message: 'expected a path without control characters' });
