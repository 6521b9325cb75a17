/**
 * The alpha channel that keeps a generate job's area in its document is named after the job and the
 * area's size when it was kept: "brandlock area · job 7f3a9c21 · 300×400". The job part is the one its
 * layer's name shows (the id's first 8 characters); the size tells a crop that cut the area from Image
 * Size, which scales it whole.
 */
import { shortJobId } from '../short-job-id';

export function jobAreaChannelName(jobId: string, size: { width: number; height: number }): string {
  return `brandlock area · job ${shortJobId(jobId)} · ${size.width}×${size.height}`;
}

export interface KeptAreaChannel {
  name: string;
  /** The area's size when it was kept. */
  width: number;
  height: number;
}

const pattern = /^brandlock area · job (\S+) · (\d+)×(\d+)$/;

/** The channel among these names that keeps this job's area; null when none does. */
export function findJobAreaChannel(names: string[], jobId: string): KeptAreaChannel | null {
  for (const name of names) {
    const m = pattern.exec(name);
    if (m && m[1] === shortJobId(jobId)) return { name, width: Number(m[2]), height: Number(m[3]) };
  }
  return null;
}
