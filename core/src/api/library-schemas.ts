/** The asset library over HTTP: an ingested photo with what was measured and estimated, and its tags. */
import { z } from 'zod';

const Lab = z.object({ l: z.number(), a: z.number(), b: z.number() });

export const AssetKind = z.enum(['flat-lay', 'ghost', 'on-model']);

export const LibraryAsset = z.object({
  id: z.string().describe('The sha256 of the bytes: the same photo is one asset'),
  ref: z.string().describe('"library:<sha256>", usable in a brief\'s source_images'),
  fileName: z.string(),
  path: z.string().describe('Where it was found, relative to the folder added'),
  contentType: z.string(),
  bytes: z.number(),
  width: z.number(),
  height: z.number(),
  kind: AssetKind,
  kindSource: z.enum(['name', 'folder', 'pixels', 'person']),
  kindReason: z.string(),
  category: z.string().nullable(),
  categorySource: z.enum(['name', 'person']).nullable(),
  sku: z.string().nullable(),
  color: z.object({ lab: Lab, hex: z.string() }).nullable(),
  swatch: z.object({ id: z.string(), name: z.string(), deltaE: z.number(), withinTolerance: z.boolean() }).nullable(),
  backdrop: z.object({ kind: z.string(), hex: z.string().nullable(), p95DeltaE: z.number().nullable(), cast: z.object({ deltaE: z.number(), direction: z.string() }).nullable() }),
  sharpness: z.number(),
  findings: z.array(z.object({ code: z.string(), severity: z.enum(['unusable', 'warn']), message: z.string() })),
  usable: z.boolean(),
  tags: z.array(z.string()),
  addedBy: z.string(),
  addedAt: z.string(),
  lockHash: z.string().nullable().describe('The lock the swatch and category were estimated against'),
});
export type LibraryAsset = z.infer<typeof LibraryAsset>;

export const LibraryAdded = LibraryAsset.extend({ created: z.boolean() });

export const LibraryQuery = z.object({
  tag: z.string().max(100).optional(),
  sku: z.string().max(100).optional(),
  kind: AssetKind.optional(),
  category: z.string().max(64).optional(),
  color: z.string().max(100).optional().describe('A hex, lab(), or palette swatch id: assets within `within` ΔE00 of it, nearest first'),
  within: z.coerce.number().min(0).max(100).default(5),
  usable: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional().describe('Words in the file name or path'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const LibraryList = z.object({ assets: z.array(LibraryAsset.extend({ deltaE: z.number().optional() })), total: z.number() });

const Tag = z.string().min(1).max(60).regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:-]*$/u, 'expected letters, digits, space, "_", ".", ":" or "-"');

export const LibraryPatch = z.strictObject({
  tags: z.array(Tag).max(100).optional().describe('Replace all tags'),
  addTags: z.array(Tag).max(100).optional(),
  removeTags: z.array(z.string().max(60)).max(100).optional(),
  kind: AssetKind.optional(),
  category: z.string().max(64).nullable().optional(),
  sku: z.string().max(100).nullable().optional(),
});
export type LibraryPatch = z.infer<typeof LibraryPatch>;

export const LibraryCoverage = z.object({
  briefId: z.string(),
  skus: z.array(z.object({ sku: z.string(), colorway: z.string(), category: z.string(), sources: z.array(z.string()), usable: z.array(z.string()), problem: z.string().nullable() })),
  covered: z.number(),
  uncovered: z.number(),
});
export type LibraryCoverage = z.infer<typeof LibraryCoverage>;
