/**
 * Delivers one finished video master: a passing master becomes every video channel cut of its SKU
 * (with poster frames), named by the lock's template in a folder per channel; a flagged or rejected
 * master goes to flagged/ or rejected/ beside a JSON file with its findings and their frames. Files
 * already in the ledger are skipped, so a resumed run never delivers anything twice.
 */
import { mkdir, mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNameRegistry, fillFileName, planVideoCuts, type Box, type BrandLock, type PlannedJob, type ProductionRecord, type VideoFacts } from '@brandlock/core';
import type { BrandlockClient, Job } from '@brandlock/core/api';
import { renderVideoCut } from '../pipeline/video/render-video-cut';
import type { VideoTools } from '../pipeline/video/video-tools';
import type { DeliveredFile, DeliveryLedger } from './delivery-ledger';
import { deliveryKind } from './deliver-master';

export interface DeliverVideoInput {
  api: BrandlockClient;
  job: Job;
  record: ProductionRecord;
  planned: PlannedJob;
  lock: BrandLock;
  lockHash: string;
  outDir: string;
  ledger: DeliveryLedger;
  tools: VideoTools;
  signal?: AbortSignal;
}

interface VideoDetail {
  facts?: VideoFacts;
  track?: (Box | null)[];
  findings?: unknown[];
}

export async function deliverVideo(input: DeliverVideoInput): Promise<{ delivered: DeliveredFile[]; failures: { channel: string; message: string }[]; ms: number }> {
  const started = performance.now();
  const kind = deliveryKind(input.record);
  const result = kind === 'variant' ? await deliverCuts(input) : await deliverForReview(input, kind);
  return { ...result, ms: Math.round(performance.now() - started) };
}

function base(input: DeliverVideoInput): Omit<DeliveredFile, 'path' | 'kind' | 'sha256' | 'bytes' | 'width' | 'height' | 'format' | 'channel'> {
  const { planned, record, job } = input;
  return {
    sku: planned.sku, colorway: planned.colorway, view: planned.view, category: planned.category, verdict: record.qc.verdict, jobId: job.id, assetId: record.assetId,
    masterSha256: record.sha256, lockHash: input.lockHash, recipeHash: record.recipeHash, deliveredAt: new Date().toISOString(),
  };
}

async function deliverCuts(input: DeliverVideoInput) {
  const { lock, planned, record, ledger } = input;
  const detail = (record.qc.detail ?? {}) as VideoDetail;
  const facts = detail.facts;
  if (!facts || !planned.video) return { delivered: [], failures: [{ channel: 'video', message: 'the video master has no frame QC facts (was FFmpeg missing on the server?); nothing was cut' }] };
  const channels = planned.video.channels.map((c) => lock.videoChannels.find((v) => v.id === c.id)!).filter(Boolean);
  const { plans, issues } = planVideoCuts(
    {
      lock, lockHash: input.lockHash, master: { width: facts.width, height: facts.height, fps: facts.fps, durationSeconds: facts.durationSeconds, sha256: record.sha256 },
      backdrop: lock.lighting.find((l) => l.id === planned.recipe.lightingPreset)?.background ?? '#ffffff',
      track: detail.track ?? [], loop: record.video?.motion.loop ?? false, sku: planned.sku, colorway: planned.colorway, view: planned.view, category: planned.category, channels,
      provenance: {
        title: `${lock.brand.name} ${planned.sku} ${planned.colorway} ${planned.viewName} video`,
        jobId: input.job.id, provider: record.provider, model: record.model ?? undefined, modelVersion: record.modelVersion ?? undefined, seed: record.seed ?? undefined, recipeHash: record.recipeHash, qc: record.qc.verdict,
        // The local provider's clip is a camera move over the photograph: no generative model made it.
        digitalSourceType: record.provider === 'local' ? 'digitalCapture' : 'trainedAlgorithmicMedia',
      },
    },
    createNameRegistry(),
  );
  const failures = issues.map((i) => ({ channel: i.channel, message: i.message }));
  const todo = plans.filter((p) => !ledger.has(`${p.channel.id}/${p.fileName}`) || !ledger.has(`${p.channel.id}/${p.posterName}`));
  if (!todo.length || input.signal?.aborted) return { delivered: [], failures };
  const tmp = await mkdtemp(join(tmpdir(), 'brandlock-cuts-'));
  const delivered: DeliveredFile[] = [];
  try {
    const masterPath = join(tmp, 'master.mp4');
    await writeFile(masterPath, (await input.api.assets.get(record.sha256)).bytes);
    for (const plan of todo) {
      if (input.signal?.aborted) break;
      const dir = join(input.outDir, plan.channel.id);
      await mkdir(dir, { recursive: true });
      // Files at these names the ledger does not know are this run's own, left by a crash: made again.
      await rm(join(dir, plan.fileName), { force: true });
      await rm(join(dir, plan.posterName), { force: true });
      try {
        const cut = await renderVideoCut(input.tools, masterPath, plan, { out: dir, tmp }, input.signal);
        const channel = plan.channel.id;
        const entries: DeliveredFile[] = [
          { ...base(input), path: `${channel}/${cut.file.name}`, kind: 'video', sha256: cut.file.sha256, bytes: cut.file.bytes, width: cut.file.facts.width, height: cut.file.facts.height, format: 'mp4', channel, durationSeconds: Math.round(cut.file.facts.durationSeconds * 100) / 100, fps: Math.round(cut.file.facts.fps * 1000) / 1000 },
          { ...base(input), path: `${channel}/${cut.poster.name}`, kind: 'poster', sha256: cut.poster.sha256, bytes: cut.poster.bytes, width: cut.poster.width, height: cut.poster.height, format: 'jpeg', channel },
        ];
        for (const e of entries) {
          await ledger.append(e);
          delivered.push(e);
        }
      } catch (e) {
        failures.push({ channel: plan.channel.id, message: (e as Error).message });
      }
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { delivered, failures };
}

async function deliverForReview(input: DeliverVideoInput, kind: 'flagged' | 'rejected') {
  const { planned, record, lock, ledger } = input;
  const named = fillFileName({ ...lock.naming, template: '{sku}_{colorway}_{view}_video.{ext}' }, { sku: planned.sku, colorway: planned.colorway, view: planned.view, ext: 'mp4' });
  if (!named.success) return { delivered: [], failures: [{ channel: 'video', message: named.issues.map((i) => i.message).join('; ') }] };
  const path = `${kind}/${named.name}`;
  if (ledger.has(path)) return { delivered: [], failures: [] };
  const dir = join(input.outDir, kind);
  await mkdir(dir, { recursive: true });
  const { bytes } = await input.api.assets.get(record.sha256);
  const detail = (record.qc.detail ?? {}) as VideoDetail;
  const reasons = {
    sku: planned.sku, colorway: planned.colorway, view: planned.view, category: planned.category, verdict: record.qc.verdict,
    whatToDo: kind === 'rejected' ? 'regenerate: the clip fails a reject threshold (see the frames each finding names)' : 'review: a person checks this clip before it ships',
    findings: (detail.findings ?? record.qc.findings).filter((f) => ['flag', 'reject'].includes((f as { severity: string }).severity)),
    note: record.qc.note ?? null, motion: record.video?.motion ?? null, still: record.video?.still ?? null, job: input.job.id, asset: record.assetId,
    provider: record.provider, model: record.model, providerNote: record.note, lockHash: input.lockHash, recipeHash: record.recipeHash,
  };
  await writeAtomically(join(dir, named.name.replace(/\.mp4$/, '.json')), `${JSON.stringify(reasons, null, 2)}\n`);
  await writeAtomically(join(dir, named.name), bytes);
  const entry: DeliveredFile = {
    ...base(input), path, kind, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, width: record.width, height: record.height, format: 'mp4', channel: 'video',
    durationSeconds: detail.facts ? Math.round(detail.facts.durationSeconds * 100) / 100 : undefined,
  };
  await ledger.append(entry);
  return { delivered: [entry], failures: [] };
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
