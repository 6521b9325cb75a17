import { describe, expect, it } from 'vitest';
import { settle, startMain } from '../../../test/support/start-main';
import { pngBytes } from '../../../test/support/fixtures';

const rgb = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
};

async function pageWithColours() {
  const env = startMain();
  const { figma, host } = env;
  await figma.loadFontAsync({ family: 'Inter', style: 'Regular' });
  const card = figma.createFrame();
  card.name = 'Card';
  card.fills = [{ type: 'SOLID', color: rgb('#f2efe9') }];
  const cta = figma.createRectangle();
  cta.name = 'CTA';
  cta.fills = [{ type: 'SOLID', color: rgb('#c25f41'), opacity: 0.9 }];
  cta.strokes = [{ type: 'SOLID', color: rgb('#1f2a44') }];
  card.appendChild(cta);
  const accent = figma.createPaintStyle();
  accent.name = 'Brand/Accent';
  accent.paints = [{ type: 'SOLID', color: rgb('#00ff00') }];
  const styled = figma.createRectangle();
  styled.name = 'Styled';
  await styled.setFillStyleIdAsync(accent.id);
  card.appendChild(styled);
  const grad = figma.createRectangle();
  grad.fills = [{ type: 'GRADIENT_LINEAR', gradientStops: [], gradientTransform: [[1, 0, 0], [0, 1, 0]] }];
  card.appendChild(grad);
  const photo = figma.createRectangle();
  photo.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: figma.createImage(pngBytes(4, 4, [1, 2, 3])).hash }];
  card.appendChild(photo);
  const hidden = figma.createRectangle();
  hidden.visible = false;
  card.appendChild(hidden);
  const text = figma.createText();
  text.characters = 'New in: linen';
  text.setRangeFills(0, 7, [{ type: 'SOLID', color: rgb('#d8392b') }]);
  text.setRangeFills(8, 13, [{ type: 'SOLID', color: rgb('#123456') }]);
  card.appendChild(text);
  host.select([card]);
  await settle();
  return { ...env, card, cta, styled, text, accent };
}

describe('palette check on the main thread', () => {
  it('collects every visible solid fill and stroke, by text range where fills are mixed, and counts what it cannot check', async () => {
    const { ui } = await pageWithColours();
    const scan = await ui.call('paletteScan', { scope: 'selection' });
    const summary = scan.uses.map((u) => `${u.nodeName}/${u.target}${u.range ? `[${u.range.start}-${u.range.end}]` : ''}${u.binding ? ` (${u.binding.kind} ${u.binding.name})` : ''}`);
    expect(summary).toEqual([
      'Card/fill', 'CTA/fill', 'CTA/stroke', 'Styled/fill (style Brand/Accent)', 'Text/fill[0-7]', 'Text/fill[7-8]', 'Text/fill[8-13]',
    ]);
    expect(scan.uses[1].opacity).toBeCloseTo(0.9);
    expect(scan.notChecked).toEqual({ gradients: 1, images: 1, hidden: 1, own: 0 });
    expect(scan.nodesScanned).toBe(6);
  });

  it('snaps chosen paints to their swatch colours in one undo step, keeping opacity and the other paints', async () => {
    const { ui, cta, text, host, card } = await pageWithColours();
    const scan = await ui.call('paletteScan', { scope: 'selection' });
    const ctaFill = scan.uses.find((u) => u.nodeName === 'CTA' && u.target === 'fill')!;
    const redWord = scan.uses.find((u) => u.range?.start === 8)!;
    const terracotta = rgb('#c0603f');
    const ink = rgb('#1f2a44');
    const res = await ui.call('paletteSnap', { snaps: [{ ...ctaFill, from: ctaFill.color, color: terracotta }, { ...redWord, from: redWord.color, color: ink }] });
    expect(res).toEqual({ changed: 2, failed: [], updated: [], skipped: [] });
    expect(cta.fills).toEqual([expect.objectContaining({ type: 'SOLID', color: terracotta, opacity: 0.9 })]);
    expect(cta.strokes).toEqual([expect.objectContaining({ color: rgb('#1f2a44') })]);
    const segments = text.getStyledTextSegments(['fills']).map((s) => [s.characters, (s.fills as { color: unknown }[])[0].color]);
    expect(segments).toEqual([['New in:', rgb('#d8392b')], [' ', expect.anything()], ['linen', ink]]);
    expect(host.undoCommits).toBe(1);
    // The card it changed offers Palette check again (the manifest's relaunch button), on the card, not each layer.
    expect(card.getRelaunchData()).toEqual({ palette: "brandlock snapped 2 colours here to the lock's palette; check again after edits." });
    expect(cta.getRelaunchData()).toEqual({});
  });

  it('reports a layer deleted since the scan instead of guessing', async () => {
    const { ui, cta } = await pageWithColours();
    const scan = await ui.call('paletteScan', { scope: 'selection' });
    const use = scan.uses.find((u) => u.nodeName === 'CTA')!;
    cta.remove();
    const res = await ui.call('paletteSnap', { snaps: [{ ...use, from: use.color, color: rgb('#c0603f') }] });
    expect(res.changed).toBe(0);
    expect(res.failed).toEqual([{ nodeId: use.nodeId, nodeName: '(deleted)', message: 'The layer no longer exists' }]);
  });

  it('scans the whole page when asked', async () => {
    const { ui, figma } = await pageWithColours();
    const other = figma.createRectangle();
    other.fills = [{ type: 'SOLID', color: rgb('#ffffff') }];
    const scan = await ui.call('paletteScan', { scope: 'page' });
    expect(scan.uses.some((u) => u.nodeId === other.id)).toBe(true);
  });

  it('snaps a colour from a local style or variable there, keeping every binding, and leaves library ones, saying so', async () => {
    const { ui, figma, styled, accent } = await pageWithColours();
    const twin = figma.createRectangle();
    twin.name = 'Twin';
    await twin.setFillStyleIdAsync(accent.id);
    const collection = figma.variables.createVariableCollection('Brand');
    const rose = figma.variables.createVariable('color/rose', collection, 'COLOR');
    rose.setValueForMode(collection.modes[0].modeId, { ...rgb('#e64d99'), a: 1 });
    const chip = figma.createRectangle();
    chip.name = 'Chip';
    chip.fills = [figma.variables.setBoundVariableForPaint({ type: 'SOLID', color: rgb('#000000') }, 'color', rose)];
    const library = figma.createPaintStyle();
    library.name = 'Library/Blue';
    library.paints = [{ type: 'SOLID', color: rgb('#0000ff') }];
    const fromLibrary = figma.createRectangle();
    fromLibrary.name = 'From library';
    await fromLibrary.setFillStyleIdAsync(library.id);
    (library as unknown as { remote: boolean }).remote = true;

    const scan = await ui.call('paletteScan', { scope: 'page' });
    const use = (name: string) => scan.uses.find((u) => u.nodeName === name)!;
    expect(use('Chip').binding).toMatchObject({ kind: 'variable', name: 'color/rose', remote: false });
    expect(use('From library').binding).toMatchObject({ kind: 'style', name: 'Library/Blue', remote: true });
    const sage = rgb('#9caf88');
    const snap = (name: string) => ({ ...use(name), from: use(name).color, color: sage });
    const res = await ui.call('paletteSnap', { snaps: [snap('Styled'), snap('Twin'), snap('Chip'), snap('From library')] });
    expect(res.updated).toEqual(['style Brand/Accent', 'variable color/rose']);
    expect(res.skipped).toEqual([{ name: 'Library/Blue', reason: 'a library style: change it in its library' }]);
    // The bindings stay: both layers still use the style, which now has the swatch colour.
    expect([styled.fillStyleId, twin.fillStyleId]).toEqual([accent.id, accent.id]);
    expect((twin.fills as SolidPaint[])[0].color).toEqual(sage);
    expect((chip.fills as SolidPaint[])[0].boundVariables?.color?.id).toBe(rose.id);
    expect((chip.fills as SolidPaint[])[0].color).toEqual(sage);
    expect((fromLibrary.fills as SolidPaint[])[0].color).toEqual(rgb('#0000ff'));
  });

  it('leaves brandlock\'s own boards and variant frames out unless asked', async () => {
    const { ui, figma } = await pageWithColours();
    const board = figma.createFrame();
    board.name = 'brandlock moodboard · test';
    board.setSharedPluginData('brandlock', 'board', JSON.stringify({ moodboardId: 'x', state: 'complete' }));
    const swatch = figma.createRectangle();
    swatch.fills = [{ type: 'SOLID', color: rgb('#00b0f0') }];
    board.appendChild(swatch);
    const scan = await ui.call('paletteScan', { scope: 'page' });
    expect(scan.uses.some((u) => u.nodeId === swatch.id)).toBe(false);
    expect(scan.notChecked.own).toBe(1);
    const all = await ui.call('paletteScan', { scope: 'page', includeOwn: true });
    expect(all.uses.some((u) => u.nodeId === swatch.id)).toBe(true);
  });
});
