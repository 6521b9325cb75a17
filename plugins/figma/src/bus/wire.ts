/**
 * The messages that cross between Figma's main thread and the plugin UI iframe. Every message carries
 * `bl: 1` so that anything else posted into the iframe (browser extensions, Figma's own traffic) is
 * ignored, and is plain structured-clone data (Uint8Array payloads included).
 */

export interface WireError {
  name: string;
  message: string;
  code?: string;
}

export type WireMessage =
  | { bl: 1; kind: 'ready' }
  | { bl: 1; kind: 'request'; id: number; method: string; params: unknown }
  | { bl: 1; kind: 'reply'; id: number; ok: true; value: unknown }
  | { bl: 1; kind: 'reply'; id: number; ok: false; error: WireError }
  | { bl: 1; kind: 'progress'; id: number; done: number; total: number; label: string }
  | { bl: 1; kind: 'cancel'; id: number }
  | { bl: 1; kind: 'event'; name: string; payload: unknown };

const KINDS = new Set(['ready', 'request', 'reply', 'progress', 'cancel', 'event']);

/** True for a message of ours; anything else that arrives on the channel is dropped. */
export function isWireMessage(value: unknown): value is WireMessage {
  if (value === null || typeof value !== 'object') return false;
  const m = value as { bl?: unknown; kind?: unknown; id?: unknown };
  if (m.bl !== 1 || typeof m.kind !== 'string' || !KINDS.has(m.kind)) return false;
  if (m.kind === 'ready' || m.kind === 'event') return true;
  return typeof m.id === 'number' && Number.isInteger(m.id);
}

/** How an endpoint sends and receives: `figma.ui` on the main thread, `window.parent` in the UI. */
export interface BusTransport {
  post(message: WireMessage): void;
  /** Subscribes to incoming messages (already unwrapped from `pluginMessage`); returns an unsubscribe. */
  listen(receive: (message: unknown) => void): () => void;
}
