/**
 * The server's image work as three tasks on plain data: the local provider's render, post-production
 * of a master, and automated QC of an output. They run in the render processes (render-host.ts) or,
 * with BRANDLOCK_RENDER_PROCESSES=0, in the server's own thread; the code is the same either way.
 * Images travel by their blob store hash, never through the server: a task reads its input from the
 * store and writes what it makes there, and returns the metadata the server records in the database.
 */
import type { PostRecord, QcOutcome } from '@brandlock/core';
import type { BlobStore } from '../assets/blob-store';
import type { BlobMeta } from '../store/blobs';
import type { JobRow } from '../store/jobs';
import type { StoredLock } from '../store/locks';
import { renderLocalOutputs, type LocalRenderJob } from '../providers/local';
import type { ProviderOutput } from '../providers/provider';
import { automatedQc } from '../jobs/inspect-with-qc';
import { masterPostProcess } from '../jobs/post-process-output';
import { sniffOutput } from '../jobs/store-output';
import { serverFault } from './wire-error';
import type { VideoTools } from '../pipeline/video/video-tools';

export interface PostInput {
  job: JobRow;
  raw: BlobMeta;
  lock: StoredLock | null;
}

/** The post-processed master (stored), or null when the output is kept as made. */
export type PostResult = { stored: BlobMeta; post: Omit<PostRecord, 'rawSha256'> } | null;

export interface InspectInput {
  job: JobRow;
  output: BlobMeta;
  index: number;
  lock: StoredLock | null;
}

export interface InspectResult {
  outcome: QcOutcome;
  /** Thumbnails stored in the blob store, for the server to record. */
  thumbnails: BlobMeta[];
}

export interface RenderTasks {
  renderLocal(job: LocalRenderJob): Promise<ProviderOutput[]>;
  postProcess(input: PostInput): Promise<PostResult>;
  inspect(input: InspectInput): Promise<InspectResult>;
}

export type RenderTaskName = keyof RenderTasks;

export interface RenderTaskOptions {
  blobs: BlobStore;
  maxPixels: number;
  /** FFmpeg for video renders and video QC. */
  videoTools?: VideoTools;
}

/** @example const tasks = createRenderTasks({ blobs, maxPixels: 100e6 }); await tasks.inspect(input); */
export function createRenderTasks(options: RenderTaskOptions): RenderTasks {
  const { blobs, maxPixels, videoTools } = options;
  const post = masterPostProcess(blobs, maxPixels, videoTools);
  const read = async (sha256: string) => {
    const bytes = await blobs.get(sha256).catch((e: Error) => Promise.reject(serverFault(e)));
    if (!bytes) throw serverFault(new Error(`sha256:${sha256} is missing from the blob store`));
    return bytes;
  };
  const store = async (bytes: Uint8Array): Promise<BlobMeta> => {
    const meta = await sniffOutput(bytes, maxPixels);
    const { sha256 } = await blobs.put(bytes).catch((e: Error) => Promise.reject(serverFault(e)));
    return { sha256, ...meta };
  };
  return {
    async renderLocal({ sourceSha256s, ...job }) {
      const readSource = async (index: number) => (sourceSha256s[index] ? read(sourceSha256s[index]) : undefined);
      const outputs = await renderLocalOutputs({ ...job, readSource, maxPixels: job.maxPixels ?? maxPixels, videoTools: job.videoTools ?? videoTools });
      return Promise.all(outputs.map(async ({ bytes, ...output }) => ({ ...output, stored: await store(bytes!) })));
    },
    async postProcess({ job, raw, lock }) {
      const posted = await post({ job, bytes: await read(raw.sha256), lock });
      return posted && { stored: await store(posted.bytes), post: posted.post };
    },
    async inspect({ job, output, index, lock }) {
      const thumbnails: BlobMeta[] = [];
      const qc = automatedQc({
        maxPixels,
        videoTools,
        saveThumbnail: async (jpeg, size) => {
          const { sha256 } = await blobs.put(jpeg);
          thumbnails.push({ sha256, contentType: 'image/jpeg', format: 'jpeg', bytes: jpeg.byteLength, width: size.width, height: size.height });
          return sha256;
        },
      });
      return { outcome: await qc({ job, output, bytes: await read(output.sha256), index, lock }), thumbnails };
    },
  };
}
