/**
 * The files beside the delivered images that a DAM/PIM import and a production lead need:
 * manifest.json and manifest.csv (every delivered file with its checksum, size, SKU, channel, verdict
 * and audit reference), audit.jsonl (the production record of every master, with what was delivered
 * from it) and report.html (the QC report with the production figures on top). Each is written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { summarizeQcReport, toCsv, type BrandLock, type ProductionRecord, type QcImageRecord, type QcReport } from '@brandlock/core';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';
import { renderQcReportHtml } from '../report/render-qc-report';
import { renderProductionSection, type ProductionFacts } from '../report/render-production-section';
import { renderVideoSection } from '../report/render-video-section';
import type { DeliveredFile } from './delivery-ledger';
import { pastUpscaleLimit } from './past-upscale-limit';
import { videoReportEntries } from './video-report-entries';

export interface DeliveryDocuments {
  outDir: string;
  lock: BrandLock;
  lockHash: string;
  briefFile: string;
  briefHash: string;
  complete: boolean;
  files: DeliveredFile[];
  records: ProductionRecord[];
  /** Report rows for masters that never came to be (failed jobs, missing sources), as error rows. */
  errorRows: QcImageRecord[];
  thumbnails: ReadonlyMap<string, QcThumbnail>;
  facts: ProductionFacts;
  /** Filmstrip JPEGs of video masters, by asset id. */
  filmstrips?: ReadonlyMap<string, Uint8Array>;
}

const CSV_COLUMNS: (keyof DeliveredFile)[] = ['path', 'kind', 'channel', 'sku', 'colorway', 'view', 'category', 'verdict', 'format', 'width', 'height', 'bytes', 'sha256', 'jobId', 'assetId', 'masterSha256', 'lockHash', 'recipeHash', 'deliveredAt', 'upscale', 'maxUpscale'];

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** The report row of a master, named as it is in the delivery (or by its asset id). */
export function masterReportRow(record: ProductionRecord, file: string): QcImageRecord | null {
  const detail = record.qc.detail as Omit<QcImageRecord, 'file' | 'ms'> | undefined;
  if (!detail) return null;
  return { ...detail, file, ms: Math.round((record.qc.ms ?? 0) + (record.post?.ms ?? 0)) };
}

export async function writeDeliveryDocuments(d: DeliveryDocuments): Promise<{ manifest: string; csv: string; audit: string; report: string }> {
  const manifest = join(d.outDir, 'manifest.json');
  const csv = join(d.outDir, 'manifest.csv');
  const audit = join(d.outDir, 'audit.jsonl');
  const report = join(d.outDir, 'report.html');
  const count = (kind: DeliveredFile['kind']) => d.files.filter((f) => f.kind === kind).length;
  await writeAtomically(
    manifest,
    `${JSON.stringify(
      {
        schemaVersion: 1,
        generatedAt: new Date().toISOString(),
        complete: d.complete,
        brand: d.lock.brand,
        lock: { version: d.lock.version, hash: d.lockHash },
        brief: { file: d.briefFile, hash: d.briefHash },
        counts: { files: d.files.length, variants: count('variant'), enlargedPastLimit: pastUpscaleLimit(d.files).length, flagged: count('flagged'), rejected: count('rejected'), videos: count('video'), posters: count('poster') },
        files: d.files,
      },
      null,
      2,
    )}\n`,
  );
  await writeAtomically(csv, toCsv([CSV_COLUMNS, ...d.files.map((f) => CSV_COLUMNS.map((c) => f[c]))]));
  const byAsset = new Map<string, DeliveredFile[]>();
  for (const f of d.files) byAsset.set(f.assetId, [...(byAsset.get(f.assetId) ?? []), f]);
  await writeAtomically(audit, d.records.map((r) => JSON.stringify({ ...r, qc: { ...r.qc, detail: undefined }, delivered: (byAsset.get(r.assetId) ?? []).map((f) => ({ path: f.path, sha256: f.sha256, channel: f.channel })) })).join('\n') + (d.records.length ? '\n' : ''));

  const rows = [...d.records.filter((r) => r.kind !== 'video').flatMap((r) => masterReportRow(r, masterLabel(r)) ?? []), ...d.errorRows];
  const qcReport: QcReport = {
    schemaVersion: 1,
    generatedAt: new Date().toISOString(),
    lock: { brand: d.lock.brand.id, name: d.lock.brand.name, version: d.lock.version, hash: d.lockHash, file: 'brand lock' },
    brief: d.briefFile,
    images: rows,
    summary: summarizeQcReport(rows),
  };
  await writeAtomically(report, renderQcReportHtml(qcReport, d.thumbnails, { title: d.complete ? 'Season report' : 'Season report (incomplete run)', sectionsHtml: renderProductionSection(d.facts) + renderVideoSection(videoReportEntries(d.records, d.files, d.filmstrips ?? new Map())) }));
  return { manifest, csv, audit, report };
}

/** How a master is named in the report: SKU, colourway and view. */
export function masterLabel(r: Pick<ProductionRecord, 'sku' | 'colorway' | 'view' | 'assetId'> & Partial<Pick<ProductionRecord, 'kind'>>): string {
  return r.sku ? `${r.sku} · ${r.colorway ?? ''} · ${r.view ?? ''}${'kind' in r && r.kind === 'video' ? ' · video' : ''}` : r.assetId;
}
