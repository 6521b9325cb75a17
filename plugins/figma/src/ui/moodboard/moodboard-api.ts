/**
 * The part of the brandlock server API a moodboard uses (boards and assets), as the typed client in
 * core/src/api provides it. Kept as a structural type so the moodboard runner depends on what it
 * calls, not on how the client is built.
 */
import type { Moodboard, MoodboardCreateRequest, ProviderList } from '@brandlock/core/api';

export type { Moodboard };

export interface MoodboardApi {
  /** The server's providers, the default one marked: who will make the images. */
  providers(): Promise<ProviderList>;
  moodboards: {
    create(request: MoodboardCreateRequest, options?: { idempotencyKey?: string }): Promise<Moodboard>;
    get(id: string): Promise<Moodboard>;
    cancel(id: string): Promise<Moodboard>;
    watch(id: string, options: { onUpdate?: (board: Moodboard) => void; signal?: AbortSignal; pollIntervalMs?: number }): Promise<Moodboard>;
  };
  assets: {
    get(ref: string): Promise<{ bytes: Uint8Array; contentType: string }>;
  };
}
