import { describe, expect, it } from 'vitest';
import { readSseEvents } from './sse';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const out = [];
  for await (const e of readSseEvents(streamOf(chunks))) out.push(e);
  return out;
}

describe('readSseEvents', () => {
  it('reads named events with ids, multi-line data and comments', async () => {
    const events = await collect([': keep-alive\n\n', 'event: job\nid: 3\ndata: {"a":\ndata: 1}\n\n', 'data: plain\n\n']);
    expect(events).toEqual([
      { event: 'job', data: '{"a":\n1}', id: '3' },
      { event: 'message', data: 'plain', id: '3' },
    ]);
  });

  it('joins events split across chunks, including a CRLF split between chunks', async () => {
    const events = await collect(['event: jo', 'b\r', '\ndata: {"x"', ':2}\r\n\r\n', 'event: end\ndata: {}\n\n']);
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['job', '{"x":2}'],
      ['end', '{}'],
    ]);
  });

  it('drops an event the stream cut off before its blank line', async () => {
    const events = await collect(['event: job\ndata: 1\n\nevent: job\ndata: 2\n']);
    expect(events.map((e) => e.data)).toEqual(['1']);
  });
});
