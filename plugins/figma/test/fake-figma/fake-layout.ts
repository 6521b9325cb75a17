/**
 * Auto layout for the fake: horizontal and vertical stacks, horizontal wrap, padding, item and
 * counter-axis spacing, HUG / FIXED / FILL sizing, MIN / CENTER / MAX alignment. Enough of Figma's
 * behaviour that a board built from nested auto-layout frames gets real positions and sizes.
 */
import type { FakeNode } from './fake-node';

export function layoutFrame(frame: FakeNode): void {
  const mode = frame.layoutMode;
  if (mode === 'NONE') return;
  const flow = frame.children.filter((c) => c.visible && c.layoutPositioning !== 'ABSOLUTE');
  const horizontal = mode === 'HORIZONTAL';
  const padMain = horizontal ? [frame.paddingLeft, frame.paddingRight] : [frame.paddingTop, frame.paddingBottom];
  const padCross = horizontal ? [frame.paddingTop, frame.paddingBottom] : [frame.paddingLeft, frame.paddingRight];
  const hugMain = horizontal ? frame.layoutSizingHorizontal === 'HUG' : frame.layoutSizingVertical === 'HUG';
  const hugCross = horizontal ? frame.layoutSizingVertical === 'HUG' : frame.layoutSizingHorizontal === 'HUG';
  const mainOf = (n: FakeNode) => (horizontal ? n.width : n.height);
  const crossOf = (n: FakeNode) => (horizontal ? n.height : n.width);
  const fillsMain = (n: FakeNode) => (horizontal ? n.layoutSizingHorizontal : n.layoutSizingVertical) === 'FILL';
  const fillsCross = (n: FakeNode) => (horizontal ? n.layoutSizingVertical : n.layoutSizingHorizontal) === 'FILL';
  const setSize = (n: FakeNode, main: number, cross: number) => {
    if (horizontal) n.setLayoutSize(main, cross);
    else n.setLayoutSize(cross, main);
    if (n !== frame && n.layoutMode !== 'NONE') layoutFrame(n);
  };
  const innerMain = () => mainOf(frame) - padMain[0] - padMain[1];
  const innerCross = () => crossOf(frame) - padCross[0] - padCross[1];

  // Cross-axis FILL children take the inner cross size first (their own height may follow, e.g. text).
  if (!hugCross) for (const c of flow) if (fillsCross(c)) setSize(c, mainOf(c), innerCross());

  const gap = frame.itemSpacing;
  const lines: FakeNode[][] = [];
  if (horizontal && frame.layoutWrap === 'WRAP' && !hugMain) {
    let line: FakeNode[] = [];
    let used = 0;
    for (const c of flow) {
      const add = (line.length ? gap : 0) + mainOf(c);
      if (line.length && used + add > innerMain() + 1e-6) {
        lines.push(line);
        line = [];
        used = 0;
      }
      used += (line.length ? gap : 0) + mainOf(c);
      line.push(c);
    }
    if (line.length) lines.push(line);
  } else {
    lines.push(flow);
    const fixedTotal = flow.filter((c) => !fillsMain(c)).reduce((s, c) => s + mainOf(c), 0) + gap * Math.max(0, flow.length - 1);
    const fillers = flow.filter(fillsMain);
    if (!hugMain && fillers.length) for (const c of fillers) setSize(c, Math.max(0.01, (innerMain() - fixedTotal) / fillers.length), crossOf(c));
  }

  const lineCross = lines.map((l) => Math.max(0, ...l.map(crossOf)));
  const lineMain = lines.map((l) => l.reduce((s, c) => s + mainOf(c), 0) + gap * Math.max(0, l.length - 1));
  const totalCross = lineCross.reduce((s, v) => s + v, 0) + frame.counterAxisSpacing * Math.max(0, lines.length - 1);
  const newMain = hugMain ? padMain[0] + padMain[1] + Math.max(0, ...lineMain) : mainOf(frame);
  const newCross = hugCross ? padCross[0] + padCross[1] + totalCross : crossOf(frame);
  setSize(frame, Math.max(0.01, newMain), Math.max(0.01, newCross));
  if (hugCross) for (const c of flow) if (fillsCross(c) && lines.length === 1) setSize(c, mainOf(c), innerCross());

  let crossPos = padCross[0];
  lines.forEach((line, li) => {
    const free = innerMain() - lineMain[li];
    let mainPos = padMain[0] + (frame.primaryAxisAlignItems === 'CENTER' ? free / 2 : frame.primaryAxisAlignItems === 'MAX' ? free : 0);
    for (const c of line) {
      const slack = lineCross[li] - crossOf(c);
      const offset = frame.counterAxisAlignItems === 'CENTER' ? slack / 2 : frame.counterAxisAlignItems === 'MAX' ? slack : 0;
      if (horizontal) {
        c.x = mainPos;
        c.y = crossPos + offset;
      } else {
        c.y = mainPos;
        c.x = crossPos + offset;
      }
      mainPos += mainOf(c) + gap;
    }
    crossPos += lineCross[li] + frame.counterAxisSpacing;
  });
}
