/**
 * A server-sent events reader over a byte stream (`response.body` of a fetch), for hosts where
 * EventSource is missing or cannot send an Authorization header (it never can). Pure: it takes the
 * stream and yields events.
 */
import { webGlobals, type ByteStream } from './web-platform';

export interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Splits an SSE stream into events (fields `event`, `data`, `id`; comments and `retry` ignored).
 * @example
 * for await (const e of readSseEvents(response.body!)) console.log(e.event, JSON.parse(e.data));
 */
export async function* readSseEvents(stream: ByteStream): AsyncGenerator<SseEvent> {
  const reader = stream.getReader();
  const decoder = new webGlobals.TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
        if (!done && newline === buffer.length - 1 && buffer[newline] === '\r') break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) yield { event: event || 'message', data: data.join('\n'), id };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
        else if (field === 'id') id = value;
      }
      if (done) break;
    }
  } finally {
    reader.releaseLock();
  }
}
