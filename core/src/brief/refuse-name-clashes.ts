/**
 * Two different masters must never be delivered under one file name: file names keep only letters,
 * digits and "-" and compare without case (as macOS and Windows do), so SKUs such as NF-U-1, NF-Ü-1,
 * nf-u-1 and NF U 1 all become "nf-u-1". The first row in the brief keeps the name; a later row whose
 * masters would take a name already planned is refused, naming the row it clashes with, so a
 * production lead fixes the SKU (or the lock's naming template) before any image is made.
 */
import type { BrandLock } from '../brand/brand-lock';
import { deliveryFileNames } from '../channels/naming/delivery-file-names';
import { fileNameKey } from '../channels/naming/name-registry';
import type { BriefIssue } from './brief-issue';
import type { PlannedJob } from './planned-job';

interface Owner {
  job: PlannedJob;
  name: string;
}

function clashMessage(job: PlannedJob, name: string, other: Owner, template: string): string {
  const what = `SKU ${JSON.stringify(job.sku)} (${job.colorway}, ${job.view}) would be delivered as ${name}`;
  if (other.job.sku === job.sku && other.job.colorway === job.colorway) {
    return `${what}, the same file as its view ${other.job.view}; the lock's naming template ${JSON.stringify(template)} needs {view}`;
  }
  const whose = `SKU ${JSON.stringify(other.job.sku)} (${other.job.colorway}, ${other.job.view}) on row ${other.job.row}`;
  if (other.job.sku === job.sku) return `${what}, the file of ${whose}; the lock's naming template ${JSON.stringify(template)} needs {colorway}`;
  return `${what}, the file of ${whose}: file names keep only letters, digits and "-" and ignore case, so SKUs that differ only in case, accents, spaces or punctuation cannot share a delivery folder; rename one of the SKUs`;
}

/**
 * Keeps rows in brief order while their masters' delivery names are free; refuses a row (all its
 * jobs) whose names clash with an earlier one.
 * @example refuseNameClashes([{ row: 2, jobs: a }, { row: 3, jobs: b }], lock) // { jobs: [...a], refused: [3], issues: [...] }
 */
export function refuseNameClashes(rows: readonly { row: number; jobs: PlannedJob[] }[], lock: BrandLock): { jobs: PlannedJob[]; refused: number[]; issues: BriefIssue[] } {
  const owners = new Map<string, Owner>();
  const jobs: PlannedJob[] = [];
  const refused: number[] = [];
  const issues: BriefIssue[] = [];
  for (const { row, jobs: rowJobs } of rows) {
    const mine = new Map<string, Owner>();
    let clash: { job: PlannedJob; name: string; other: Owner } | null = null;
    for (const job of rowJobs) {
      for (const { name } of deliveryFileNames(lock, job, job.channels)) {
        const key = fileNameKey(name);
        const other = owners.get(key) ?? mine.get(key);
        if (other && other.job.id !== job.id) {
          clash = { job, name, other };
          break;
        }
        mine.set(key, { job, name });
      }
      if (clash) break;
    }
    if (clash) {
      refused.push(row);
      issues.push({ row, column: 'sku', code: 'file_name_clash', severity: 'error', message: clashMessage(clash.job, clash.name, clash.other, lock.naming.template), found: clash.name, expected: 'a file name no other SKU, colourway or view of the brief is delivered under', sku: clash.job.sku });
      continue;
    }
    for (const [key, owner] of mine) owners.set(key, owner);
    jobs.push(...rowJobs);
  }
  return { jobs, refused, issues };
}
