/**
 * What the panel needs from the brandlock server, as one session object. `src/server` implements it
 * over core's typed API client (core/src/api); the panel never sees provider keys or provider URLs,
 * only the brandlock server it was given, with the user's token.
 */
import type { BrandLock } from '@brandlock/core/brand';
import type { ProductionRecord } from '@brandlock/core/audit';

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
  view: string;
  /** The source pixels from the document, encoded as PNG. */
  source: { bytes: Uint8Array; contentType: 'image/png' };
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

export interface VariantsRequest {
  /** The flattened 8-bit sRGB master. */
  master: { bytes: Uint8Array; contentType: 'image/png' };
  /** With a brief and SKU the server names tokens from the brief row; else the category. */
  briefId: string | null;
  sku: string;
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
  /** Uploads the source, runs a generate job, reports progress, and returns the first output. */
  generate(request: GenerateRequest, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<GeneratedResult>;
  /** Uploads a master and renders channel variants on the server (every format, WebP and AVIF too). */
  renderVariants(request: VariantsRequest, onProgress: (p: JobProgress) => void, signal: AbortSignal): Promise<{ jobId: string; variants: RenderedVariant[] }>;
  /** The .cube text of a lock LUT as the server holds it (uploaded by an admin); null when it has none. */
  lutCube(lutId: string): Promise<string | null>;
}
