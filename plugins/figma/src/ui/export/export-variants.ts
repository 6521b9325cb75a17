/**
 * "Export all": asks the main thread for each variant frame's lossless PNG (one message per frame),
 * has it encoded for its channel (by the server when connected, else in this window), and packs it
 * into one zip with a manifest as soon as it is encoded (the zip is kept, not the files). A frame that
 * fails is reported and left out; a format this session cannot write (AVIF offline) is listed as not
 * exported, up front; frames that would land on one file name (two sets made from one photo) are
 * named and skipped before anything is exported, since a zip holds one file a name; the rest still ship.
 */
import type { MainBus } from '../bus/main-bus';
import type { VariantFrameInfo } from '../../protocol/variants';
import { startDeliveryZip } from '../../export/start-delivery-zip';
import { findNameCollisions, type NameCollision } from '../../export/find-name-collisions';
import { errorMessage } from '../../bus/bus-errors';
import { encodeForDelivery, needsServer, type ServerEncoder } from './encode-for-delivery';

export interface ExportOutcome {
  /** The zip (its files and manifest.json), null when no file was exported. */
  zip: Blob | null;
  files: { frame: VariantFrameInfo; bytes: number; quality: number | null; warning: string | null; by: 'server' | 'window' }[];
  failed: { frame: VariantFrameInfo; message: string }[];
  /** Frames this session cannot encode (and did not try), with why. */
  notExported: { frame: VariantFrameInfo; message: string }[];
  /** Frames left out, unexported, because they share a file name (or take the manifest's), by name. */
  skipped: NameCollision<VariantFrameInfo>[];
}

export async function exportVariants(
  main: MainBus,
  frames: VariantFrameInfo[],
  meta: Record<string, string>,
  onProgress: (done: number, total: number, label: string) => void,
  signal: AbortSignal,
  server: ServerEncoder | null = null,
): Promise<ExportOutcome> {
  const zip = startDeliveryZip();
  const outcome: ExportOutcome = { zip: null, files: [], failed: [], notExported: [], skipped: findNameCollisions(frames) };
  const colliding = new Set(outcome.skipped.flatMap((c) => c.frames));
  const todo = frames.filter((f) => !colliding.has(f));
  for (let i = 0; i < todo.length; i++) {
    const frame = todo[i];
    if (signal.aborted) throw new DOMException('Export canceled', 'AbortError');
    onProgress(i, todo.length, `Exporting ${frame.fileName}`);
    const refused = needsServer(frame.delivery, server);
    if (refused) {
      outcome.notExported.push({ frame, message: refused });
      continue;
    }
    try {
      const png = await main.call('exportFrame', { nodeId: frame.nodeId }, { signal });
      const provenance = { ...(frame.sku ? { sku: frame.sku } : {}), ...(frame.jobId ? { job: frame.jobId } : {}) };
      const file = await encodeForDelivery(png.bytes, frame.delivery, frame.channelId, server, provenance);
      zip.add({ fileName: frame.fileName, channelId: frame.channelId, width: png.width, height: png.height, format: frame.delivery.format, quality: file.quality, bytes: file.bytes });
      outcome.files.push({ frame, bytes: file.bytes.length, quality: file.quality, warning: file.warning, by: file.by });
    } catch (e) {
      if (signal.aborted) throw e;
      outcome.failed.push({ frame, message: errorMessage(e) });
    }
  }
  onProgress(todo.length, todo.length, 'Packing the zip');
  if (zip.count) outcome.zip = zip.finish(meta);
  return outcome;
}
