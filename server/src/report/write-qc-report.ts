/**
 * Writes the report files into a folder: qc-report.html and qc-report.json. Each is written to a
 * temporary name and renamed when complete, so a reader never sees half a report.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { QcReport } from '@brandlock/core';
import type { QcThumbnail } from '../pipeline/qc/qc-thumbnail';
import { renderQcReportHtml } from './render-qc-report';

export interface WrittenReport {
  html: string;
  json: string;
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/**
 * @example const { html } = await writeQcReport('qc-out', report, thumbnails);
 */
export async function writeQcReport(dir: string, report: QcReport, thumbnails: ReadonlyMap<string, QcThumbnail>): Promise<WrittenReport> {
  await mkdir(dir, { recursive: true });
  const html = join(dir, 'qc-report.html');
  const json = join(dir, 'qc-report.json');
  await writeAtomically(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeAtomically(html, renderQcReportHtml(report, thumbnails));
  return { html, json };
}
