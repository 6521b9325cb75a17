/**
 * The one form of a job id a retoucher reads: in layer and channel names, History steps and every
 * message. A full UUID is unreadable in a panel and a cut one (dadf2914-c39) looks like a typo; the
 * first group is what Photoshop's Layers panel shows in a generated layer's name.
 */

/** The first 8 characters of a job id without any "job_" prefix: "dadf2914" for "dadf2914-c39e-…". */
export function shortJobId(jobId: string): string {
  return jobId.replace(/^job[_-]?/, '').slice(0, 8);
}
