/**
 * Delivers one finished master: a passing master becomes every channel variant of its SKU, named by
 * the lock's template in a folder per channel; a flagged master goes to flagged/ and a rejected one
 * to rejected/, each beside a JSON file with the reasons a retoucher or the regenerate pass needs.
 * Files already in the ledger are skipped, so a resumed run never delivers anything twice; a name
 * the ledger holds for another SKU, colourway or view is never overwritten and comes back as a
 * failure, so a master is never left undelivered without a problem saying so.
 */
import { mkdir, rm, writeFile, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { planVariants, createNameRegistry, maxUpscaleOf, reviewMasterFileName, type BrandLock, type PlannedJob, type ProductionRecord, type Box } from '@brandlock/core';
import type { BrandlockClient, Job } from '@brandlock/core/api';
import { loadMasterWithSubject } from '../pipeline/variants/load-master-with-subject';
import { cropHints } from '../pipeline/variants/find-subject';
import { renderVariants } from '../pipeline/variants/render-variants';
import type { DeliveredFile, DeliveryLedger } from './delivery-ledger';

const MASTER_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/tiff': 'tif', 'image/avif': 'avif' };

export interface DeliverMasterInput {
  api: BrandlockClient;
  job: Job;
  record: ProductionRecord;
  planned: PlannedJob;
  lock: BrandLock;
  lockHash: string;
  outDir: string;
  ledger: DeliveryLedger;
  signal?: AbortSignal;
}

export interface DeliverMasterResult {
  delivered: DeliveredFile[];
  failures: { channel: string; message: string }[];
  /** Milliseconds spent rendering and writing. */
  ms: number;
}

/** Why `path` cannot be written for this master: the ledger holds it for another one; null when free or its own. */
function heldByAnother(input: DeliverMasterInput, path: string): string | null {
  const held = input.ledger.get(path);
  const { planned } = input;
  if (!held || (held.sku === planned.sku && held.colorway === planned.colorway && held.view === planned.view)) return null;
  return `not delivered: ${path} already holds SKU ${JSON.stringify(held.sku)} (${held.colorway}, ${held.view}); two masters cannot share a file name`;
}

/** Where a record's verdict sends its master. */
export function deliveryKind(record: ProductionRecord): 'variant' | 'flagged' | 'rejected' {
  return record.qc.verdict === 'pass' ? 'variant' : record.qc.verdict === 'reject' ? 'rejected' : 'flagged';
}

export async function deliverMaster(input: DeliverMasterInput): Promise<DeliverMasterResult> {
  const started = performance.now();
  const kind = deliveryKind(input.record);
  const result = kind === 'variant' ? await deliverVariants(input) : await deliverForReview(input, kind);
  return { ...result, ms: Math.round(performance.now() - started) };
}

function baseEntry(input: DeliverMasterInput): Omit<DeliveredFile, 'path' | 'kind' | 'sha256' | 'bytes' | 'width' | 'height' | 'format' | 'channel'> {
  const { planned, record, job } = input;
  return {
    sku: planned.sku,
    colorway: planned.colorway,
    view: planned.view,
    category: planned.category,
    verdict: record.qc.verdict,
    jobId: job.id,
    assetId: record.assetId,
    masterSha256: record.sha256,
    lockHash: input.lockHash,
    recipeHash: record.recipeHash,
    deliveredAt: new Date().toISOString(),
  };
}

async function deliverVariants(input: DeliverMasterInput): Promise<Omit<DeliverMasterResult, 'ms'>> {
  const { lock, planned, record, ledger } = input;
  // `produce` still renders every planned channel whatever its maxUpscale: skipping here would turn
  // every small master into a run that exits 1, and the run's report has no place yet for channels
  // left out without a failure. Each file records its enlargement and the lock's limit (upscale,
  // maxUpscale) so the manifest and the summary show what went past it. `brandlock variants` and the
  // Photoshop panel skip such channels.
  const specs = planned.channels
    .map((id) => lock.channels.find((c) => c.id === id)!)
    .filter(Boolean)
    .map((c) => ({ ...c, maxUpscale: Number.POSITIVE_INFINITY }));
  const plansFor = (master: { width: number; height: number; sha256?: string }, subject: Box | null) =>
    planVariants(
      {
        lock,
        lockHash: input.lockHash,
        master,
        subject,
        sku: planned.sku,
        colorway: planned.colorway,
        view: planned.view,
        category: planned.category,
        channels: specs,
        provenance: {
          title: `${lock.brand.name} ${planned.sku} ${planned.colorway} ${planned.viewName}`,
          jobId: input.job.id,
          provider: record.provider,
          model: record.model ?? undefined,
          modelVersion: record.modelVersion ?? undefined,
          seed: record.seed ?? undefined,
          recipeHash: record.recipeHash,
          qc: record.qc.verdict,
          // The local provider makes no image: its masters are the photographer's capture, post-processed.
          digitalSourceType: record.provider === 'local' ? 'digitalCapture' : 'trainedAlgorithmicMedia',
        },
      },
      createNameRegistry(),
    );
  // Names do not depend on pixels: find what is left to deliver before fetching the master.
  const dry = plansFor({ width: record.width, height: record.height, sha256: record.sha256 }, null);
  const pathOf = (channel: string, fileName: string) => `${channel}/${fileName}`;
  const failures = dry.issues.map((i) => ({ channel: i.channel, message: i.message }));
  for (const p of dry.plans) {
    const taken = heldByAnother(input, pathOf(p.channel.id, p.fileName));
    if (taken) failures.push({ channel: p.channel.id, message: taken });
  }
  const todo = dry.plans.filter((p) => !ledger.has(pathOf(p.channel.id, p.fileName)));
  if (!todo.length || input.signal?.aborted) return { delivered: [], failures };

  const { bytes } = await input.api.assets.get(record.sha256);
  const { master, subject: found } = await loadMasterWithSubject(bytes, (record.post?.subject as Box | undefined) ?? null);
  const hints = cropHints(found);
  const { plans } = plansFor({ width: master.width, height: master.height, sha256: master.sha256 }, hints.subject);
  const wanted = new Set(todo.map((p) => p.channel.id));
  const delivered: DeliveredFile[] = [];
  for (const channel of wanted) {
    const plan = plans.find((p) => p.channel.id === channel);
    if (!plan) continue;
    const dir = join(input.outDir, channel);
    await mkdir(dir, { recursive: true });
    // A file at this name that the ledger does not know is this run's own, left by a crash between
    // writing it and recording it: it is written again.
    await rm(join(dir, plan.fileName), { force: true });
    const { entries, failures: failed } = await renderVariants(master, [plan], { outDir: dir, signal: input.signal });
    failures.push(...failed.map((f) => ({ channel: f.channel, message: f.message })));
    const spec = lock.channels.find((c) => c.id === channel);
    const enlarged = plan.crop.scale > 1 + 1e-6 && spec ? { upscale: Math.round(plan.crop.scale * 1000) / 1000, maxUpscale: maxUpscaleOf(spec) } : {};
    for (const e of entries) {
      const entry: DeliveredFile = { ...baseEntry(input), path: pathOf(channel, e.file), kind: 'variant', sha256: e.sha256, bytes: e.bytes, width: e.width, height: e.height, format: e.format, channel, ...enlarged };
      await ledger.append(entry);
      delivered.push(entry);
    }
  }
  return { delivered, failures };
}

async function deliverForReview(input: DeliverMasterInput, kind: 'flagged' | 'rejected'): Promise<Omit<DeliverMasterResult, 'ms'>> {
  const { planned, record, lock, ledger } = input;
  const ext = MASTER_EXTENSIONS[record.contentType] ?? 'bin';
  const named = reviewMasterFileName(lock, planned, ext);
  if (!named.success) return { delivered: [], failures: [{ channel: 'master', message: named.issues.map((i) => i.message).join('; ') }] };
  const path = `${kind}/${named.name}`;
  const taken = heldByAnother(input, path);
  if (taken) return { delivered: [], failures: [{ channel: 'master', message: taken }] };
  if (ledger.has(path)) return { delivered: [], failures: [] };
  const dir = join(input.outDir, kind);
  await mkdir(dir, { recursive: true });
  const { bytes } = await input.api.assets.get(record.sha256);
  const reasons = {
    sku: planned.sku,
    colorway: planned.colorway,
    view: planned.view,
    category: planned.category,
    verdict: record.qc.verdict,
    whatToDo: kind === 'rejected' ? 'regenerate: the image fails a reject threshold' : 'retouch or review: the image needs a person before it ships',
    findings: record.qc.findings.filter((f) => f.severity === 'flag' || f.severity === 'reject'),
    note: record.qc.note ?? null,
    postProduction: record.post?.steps ?? [],
    job: input.job.id,
    asset: record.assetId,
    provider: record.provider,
    providerNote: record.note,
    swatch: planned.swatch,
    lockHash: input.lockHash,
    recipeHash: record.recipeHash,
  };
  await writeAtomically(join(dir, named.name.replace(/\.[a-z]+$/, '.json')), `${JSON.stringify(reasons, null, 2)}\n`);
  await writeAtomically(join(dir, named.name), bytes);
  const entry: DeliveredFile = {
    ...baseEntry(input),
    path,
    kind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.byteLength,
    width: record.width,
    height: record.height,
    format: ext,
    channel: 'master',
  };
  await ledger.append(entry);
  return { delivered: [entry], failures: [] };
}

/** Writes to a temporary name beside the file, then renames: a reader never sees half a file. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
