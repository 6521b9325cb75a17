/**
 * What the panel needs from the brandlock server, as one session object. `src/server` implements it
 * over core's typed API client (core/src/api); the panel never sees provider keys or provider URLs,
 * only the brandlock server it was given, with the user's token.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { PlannedJob } from '@brandlock/core/brief';

export interface ConnectionInfo {
  serverUrl: string;
  brand: { id: string; name: string };
  lockVersion: string;
  lockHash: string;
  /** Who the token belongs to, as the server names them. */
  user: { name: string; role: string };
}

/** One SKU of the server's current brief, with where it stands in production. */
export interface BriefSku {
  sku: string;
  colorway: string;
  category: string;
  views: string[];
  status: string;
}

export interface CurrentBrief {
  id: string;
  name: string;
  skus: BriefSku[];
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';

export interface JobProgress {
  state: JobState;
  /** 0..1 when the provider reports it. */
  fraction: number | null;
  message: string;
}

export interface GenerateRequest {
  sku: string;
  view: string;
  /** The source pixels from the document, encoded as PNG. */
  source: { bytes: Uint8Array; contentType: 'image/png'; width: number; height: number };
}

export interface GeneratedResult {
  jobId: string;
  assetRef: string;
  bytes: Uint8Array;
  contentType: string;
  /** The job's production record as the server's audit trail holds it. */
  record: Record<string, unknown>;
}

export interface BrandlockServer {
  readonly info: ConnectionInfo;
  readonly lock: BrandLock;
  currentBrief(): Promise<CurrentBrief | null>;
  /** The job the server would run for this SKU and view, with its locked recipe. */
  planJob(sku: string, view: string): Promise<PlannedJob>;
  /** Uploads the source, runs a generate job, reports progress, and returns the result bytes. */
  generate(request: GenerateRequest, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<GeneratedResult>;
  /** The .cube text of a LUT in the lock. */
  lutCube(lutId: string): Promise<string>;
}
