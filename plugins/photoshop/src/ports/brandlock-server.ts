/**
 * What the panel needs from the brandlock server, as one session object. `src/server` implements it
 * over core's typed API client (core/src/api); the panel never sees provider keys or provider URLs,
 * only the brandlock server it was given, with the user's token.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { ProductionRecord } from '@brandlock/core/audit';
import type { VideoQcSummary } from '@brandlock/core/video';

export interface ConnectionInfo {
  serverUrl: string;
  brand: { id: string; name: string };
  lockVersion: string;
  lockHash: string;
  /** Who the token belongs to, as the server names them. */
  user: { name: string; role: string };
}

export interface BriefSkuView {
  view: string;
  viewName: string;
  status: string;
}

/** One SKU of the server's current brief, with where it stands in production. */
export interface BriefSku {
  sku: string;
  colorway: string;
  category: string;
  swatch: { input: string; hex: string | null; name: string };
  status: string;
  views: BriefSkuView[];
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
  /** What the server says is happening, e.g. "at the provider". */
  message: string;
}

export interface GenerateRequest {
  briefId: string;
  sku: string;
  /** The brief row's colourway: the server needs it when the brief has the SKU in several. */
  colorway?: string;
  view: string;
  /** The source pixels from the document, encoded as PNG. */
  source: { bytes: Uint8Array; contentType: 'image/png' };
}

/** A job as the panel shows it (running or finished), e.g. in "Jobs for this SKU". */
export interface JobSummary {
  id: string;
  kind: string;
  state: JobState;
  sku: string | null;
  colorway: string | null;
  view: string | null;
  progress: number | null;
  stage: string;
  /** Outputs of a finished job. */
  outputs: number;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** One asset of the server's review queue: flagged or rejected by QC, or waiting for a person. */
export interface ReviewEntry {
  assetId: string;
  ref: string;
  jobId: string;
  sku: string | null;
  colorway: string | null;
  category: string | null;
  view: string | null;
  width: number;
  height: number;
  status: 'flagged' | 'rejected' | 'ready' | 'approved';
  /** QC's verdict and what it found, in QC's words. */
  verdict: string;
  reasons: { severity: string; message: string }[];
  /** Decisions people already made, newest last. */
  decisions: { decision: 'approve' | 'reject'; layer: 'technical' | 'brand'; reviewer: string; reason: string; at: string }[];
  /** The asset this one is a retoucher's fix of, or null. */
  revisionOf: string | null;
  createdAt: string;
}

export interface GeneratedResult {
  jobId: string;
  bytes: Uint8Array;
  contentType: string;
  /** The output's production record from the server's audit trail. */
  record: ProductionRecord;
  /** What the provider said about how it made this (the local provider says it is not generative). */
  note: string | null;
}

/** A finished video job's clip (MP4), its production record and what frame-level QC found. */
export interface VideoResult {
  jobId: string;
  sku: string | null;
  view: string | null;
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
  record: ProductionRecord;
  qc: VideoQcSummary;
  /** The first frame at full size (a stored JPEG), for showing the clip without playing it. */
  poster: { ref: string; width: number; height: number } | null;
  /** "offline loop": what the provider said about how it made this. */
  note: string | null;
}

export interface VariantsRequest {
  /** The flattened 8-bit sRGB master. */
  master: { bytes: Uint8Array; contentType: 'image/png' };
  /** With a brief and SKU the server names tokens from the brief row; else the category. */
  briefId: string | null;
  sku: string;
  /** The brief row's colourway, needed by the server when the brief has the SKU in several. */
  colorway?: string | null;
  /** The master's view, which the file names carry: with a brief, the job is recorded as that view. */
  view?: string | null;
  category: string;
  channels: string[];
}

export interface RenderedVariant {
  channel: string;
  bytes: Uint8Array;
  contentType: string;
  width: number;
  height: number;
}

export interface BrandlockServer {
  readonly info: ConnectionInfo;
  readonly lock: BrandLock;
  /** The newest brief on the server, with its SKUs; null when none was uploaded. */
  currentBrief(): Promise<CurrentBrief | null>;
  /** Uploads the source and starts a generate job; returns it queued. */
  startGenerate(request: GenerateRequest): Promise<JobSummary>;
  /**
   * Follows a job to its end with progress. When the signal aborts, the job is cancelled at the server
   * at once and this throws `cancelled`, even where the host cannot abort the event stream (UXP:
   * "AbortSignal works only for web streams").
   */
  followJob(jobId: string, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<JobSummary>;
  /** A finished generate job's first output and its production record. */
  jobResult(jobId: string): Promise<GeneratedResult>;
  /** A finished video job's clip, record and frame-level QC. */
  videoResult(jobId: string): Promise<VideoResult>;
  /**
   * Generate and video jobs of a SKU, newest first, running and finished: what a panel reopened later
   * offers to follow, place or open. With a colourway, only that colourway's (a SKU can be briefed in several).
   */
  jobsForSku(sku: string, colorway?: string | null): Promise<JobSummary[]>;
  cancelJob(jobId: string): Promise<void>;
  /** The review queue: flagged and rejected assets (or the statuses given), oldest first. */
  reviewQueue(statuses?: ReviewEntry['status'][]): Promise<ReviewEntry[]>;
  /** Approve or reject an asset with a reason; the server records it in the layer the token's role decides in. */
  decideReview(assetId: string, decision: 'approve' | 'reject', reason: string): Promise<ReviewEntry>;
  /** Uploads fixed pixels of a queued asset as its revision: a new asset of the same SKU/view with fresh QC, in the old one's place. */
  reviseReview(assetId: string, fixed: { bytes: Uint8Array; contentType: string }, note: string): Promise<ReviewEntry>;
  /** Stored bytes by reference (an output or upload). */
  assetBytes(ref: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  /** Uploads a master and renders channel variants on the server (every format, WebP and AVIF too). */
  renderVariants(request: VariantsRequest, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<{ jobId: string; variants: RenderedVariant[] }>;
  /** The .cube text of a lock LUT as the server holds it (uploaded by an admin); null when it has none. */
  lutCube(lutId: string): Promise<string | null>;
}
