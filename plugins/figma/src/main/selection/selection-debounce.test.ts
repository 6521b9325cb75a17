// A designer sweeps a marquee or shift-clicks through ten image frames: Figma fires selectionchange
// for each, but the selection card is rebuilt (thumbnail exported) once the selection is still, and
// it shows the last selection, never an older one that finished exporting late.
import { describe, expect, it } from 'vitest';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';
import { createSelectionPusher } from './debounce-selection';

describe('selection card updates', () => {
  it('coalesces a burst of selection changes into one summary of the final selection', async () => {
    const { figma, host, events } = startMain();
    const frames = Array.from({ length: 10 }, (_, i) => {
      const r = figma.createRectangle();
      r.name = `shot ${i}`;
      r.resize(400, 600);
      r.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: figma.createImage(pngBytes(200, 300, [i * 20, 9, 9])).hash }];
      return r;
    });
    await settle(300);
    const before = events.length;
    for (const f of frames) host.select([f]);
    await settle(600);
    const after = events.slice(before).filter((e) => e.name === 'selection').map((e) => (e.payload as { firstName: string }).firstName);
    expect(after).toEqual(['shot 9']);
  });

  it('drops a summary that a newer change overtook while its thumbnail was exporting, and describes the newer one', async () => {
    let selected = 'A';
    const pending: ((v: string) => void)[] = [];
    const emitted: string[] = [];
    const pusher = createSelectionPusher({ summarize: () => new Promise<string>((r) => pending.push(() => r(`card for ${selected}`))) as Promise<string>, emit: (s) => emitted.push(s), delayMs: 5 });
    pusher.changed();
    await settle(20);
    expect(pending).toHaveLength(1);
    selected = 'B';
    pusher.changed();
    await settle(20);
    expect(pending).toHaveLength(1); // one export at a time
    (pending.shift() as unknown as () => void)();
    await settle(20);
    expect(pending).toHaveLength(1); // the rerun for B
    (pending.shift() as unknown as () => void)();
    await settle(5);
    expect(emitted).toEqual(['card for B']);
    pusher.dispose();
  });
});
