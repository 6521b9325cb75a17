/**
 * The part of the brandlock server API a moodboard uses (jobs and assets), as the typed client in
 * core/src/api provides it. Kept as a structural type so the moodboard runner depends on what it
 * calls, not on how the client is built.
 */

export interface MoodboardJobOutput {
  ref: string;
  index: number;
  width: number;
  height: number;
  contentType: string;
  note: string | null;
}

export interface MoodboardJob {
  id: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  stage: string;
  progress: number | null;
  provider: string;
  lockHash: string;
  note: string | null;
  recipe: { prompt: string; width: number; height: number };
  outputs: MoodboardJobOutput[];
  error: { code: string; message: string } | null;
}

export interface MoodboardRequestBody {
  kind: 'moodboard';
  moodboard: {
    count: number;
    environment: string;
    lightingPresets: string[];
    modelProfiles: string[];
    garmentFocus: string;
    notes: string;
  };
}

export interface MoodboardApi {
  jobs: {
    create(request: MoodboardRequestBody, options?: { idempotencyKey?: string }): Promise<MoodboardJob>;
    watch(id: string, options: { onUpdate?: (job: MoodboardJob) => void; signal?: AbortSignal }): Promise<MoodboardJob>;
    cancel(id: string): Promise<MoodboardJob>;
  };
  assets: {
    get(ref: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  };
}
