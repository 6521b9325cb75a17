/**
 * One approved master to every channel: decode once, find the subject, plan each channel's crop,
 * name and metadata in core, then render and publish. Names already taken in the output folder count
 * as collisions, so nothing is ever overwritten; a channel the master is too small for is skipped. Used by `brandlock variants` and the benchmark.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createNameRegistry, planVariants, type Box, type UpscaleSkip, type VariantPlanIssue, type VariantRequest } from '@brandlock/core';
import { cropHints, type FoundSubject } from './find-subject';
import type { LoadedMaster } from './load-master';
import { loadMasterFile } from './load-master-file';
import type { MasterWithSubject } from './load-master-with-subject';
import { renderVariants, type VariantFailure, type VariantManifestEntry } from './render-variants';

/** core's VariantRequest, with the master read from a file (its size and subject found there when not given). */
export interface MakeVariantsRequest extends Omit<VariantRequest, 'master' | 'subject'> {
  masterPath: string;
  subject?: Box | null;
  /** The master already being loaded (loadMasterFile of masterPath and subject), started before the lock was read. */
  loading?: Promise<MasterWithSubject>;
  outDir: string;
  parallel?: number;
  signal?: AbortSignal;
}

export interface MakeVariantsResult {
  master: Pick<LoadedMaster, 'width' | 'height' | 'sha256' | 'info'>;
  subject: FoundSubject;
  entries: VariantManifestEntry[];
  /** Channels that were not written: bad spec, unsafe name, collision, maxBytes, write error. */
  failures: (VariantFailure | VariantPlanIssue)[];
  /** Channels left out because the master is too small for them (the lock's maxUpscale): not failures. */
  skipped: UpscaleSkip[];
  /** Tokens altered to make safe names, e.g. the SKU "a/b" written as "a-b". */
  renamed: { token: string; from: string; to: string }[];
}

export async function makeVariants(req: MakeVariantsRequest): Promise<MakeVariantsResult> {
  const { master, subject } = await (req.loading ?? loadMasterFile(req.masterPath, req.subject));
  const outDir = resolve(req.outDir);
  const names = await mkdir(outDir, { recursive: true })
    .then(() => readdir(outDir))
    .catch((e: NodeJS.ErrnoException) => {
      throw new OutputFolderError(`cannot use ${outDir} as the output folder (${e.code ?? e.message})`);
    });
  const existing = names.filter((n) => !n.startsWith('.')).map((n) => [n, `an existing file in ${outDir}`] as const);
  const hints = cropHints(subject, req.focal);
  const { plans, issues, skipped } = planVariants(
    { lock: req.lock, lockHash: req.lockHash, master: { width: master.width, height: master.height, sha256: master.sha256 }, subject: hints.subject, focal: hints.focal, framing: req.framing, sku: req.sku, colorway: req.colorway, view: req.view, category: req.category, market: req.market, index: req.index, channels: req.channels, provenance: req.provenance },
    createNameRegistry(existing),
  );
  const { entries, failures } = await renderVariants(master, plans, { outDir, parallel: req.parallel, signal: req.signal });
  const renamed = [...new Map(plans.flatMap((p) => p.renamed).map((r) => [r.token + r.from, r])).values()];
  return { master: { width: master.width, height: master.height, sha256: master.sha256, info: master.info }, subject, entries, failures: [...issues, ...failures], skipped, renamed };
}

/** The output folder cannot be created or read (a file in the way, no permission). */
export class OutputFolderError extends Error {
  override name = 'OutputFolderError';
}
