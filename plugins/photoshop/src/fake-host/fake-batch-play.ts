/**
 * The fake Photoshop's batchPlay: it interprets the descriptors the plugin sends, the way Photoshop
 * would, against the in-memory documents. A command Photoshop would refuse comes back as
 * `{_obj: "error", message, result}`, as Photoshop reports it; a descriptor the fake does not know
 * throws, so a test can never pass on a descriptor nobody checked.
 */
import type { ActionDescriptor, ActionResult } from '../ports/ps-host';
import { base64ToBytes } from '../descriptors/base64';
import type { FakeDocument, FakeLayer } from './fake-document';
import { compositeDocument, cropRaster, resampleRaster } from './fake-render';
import { layerBounds } from './fake-document';
import { fakeSubjectMask } from './fake-subject';

/** What batchPlay needs from the fake Photoshop around it. */
export interface FakePlayContext {
  active(): FakeDocument;
  document(id: number): FakeDocument;
  newLayerId(): number;
  /** Adds a layer above the active one and makes it active. */
  insertLayer(doc: FakeDocument, layer: Omit<FakeLayer, 'id'>): FakeLayer;
  /** Records a history step (or folds it into a suspended one). */
  step(doc: FakeDocument, name: string): void;
}

type Ref = { _ref?: string; _id?: number; _name?: string; _property?: string; _enum?: string; _value?: string };

const error = (message: string, result = -25920): ActionResult => ({ _obj: 'error', message, result });

function targetDoc(ctx: FakePlayContext, refs: Ref[]): FakeDocument {
  const docRef = refs.find((r) => r._ref === 'document' && r._id !== undefined);
  return docRef ? ctx.document(docRef._id!) : ctx.active();
}

function activeLayer(doc: FakeDocument): FakeLayer | undefined {
  return doc.layers.find((l) => l.id === doc.activeLayerIds[0]);
}

function layerById(doc: FakeDocument, refs: Ref[]): FakeLayer | undefined {
  const ref = refs.find((r) => r._ref === 'layer' && r._id !== undefined);
  return ref ? doc.layers.find((l) => l.id === ref._id) : activeLayer(doc);
}

export function isModifying(d: ActionDescriptor): boolean {
  return d._obj !== 'get';
}

export function playDescriptor(ctx: FakePlayContext, d: ActionDescriptor): ActionResult {
  const refs = (d._target ?? []) as Ref[];
  switch (d._obj) {
    case 'get': {
      const prop = refs.find((r) => r._property)?._property;
      const doc = targetDoc(ctx, refs);
      const onLayer = refs.some((r) => r._ref === 'layer');
      const layer = onLayer ? layerById(doc, refs) : undefined;
      if (onLayer && !layer) return error('The object "layer" is not currently available.');
      // As in Photoshop: a document answers XMPMetadataAsUTF8; a layer's XMP comes back in its
      // "metadata" property as layerXMP (absent when the layer has none).
      if (prop === 'XMPMetadataAsUTF8' && !layer) return { XMPMetadataAsUTF8: doc.xmp };
      if (prop === 'metadata' && layer) return { metadata: layer.xmp ? { layerXMP: layer.xmp } : {} };
      if (prop === 'XMPMetadataAsUTF8' || prop === 'metadata') return error(`The property "${prop}" is not available on this ${layer ? 'layer' : 'document'}.`);
      throw new Error(`FakePhotoshop: no fake for get of "${prop}"`);
    }
    case 'make':
      return make(ctx, d, refs);
    case 'set':
      return set(ctx, d, refs);
    case 'select': {
      const doc = targetDoc(ctx, refs);
      const layer = layerById(doc, refs);
      if (!layer) return error('The object "layer" is not currently available.');
      doc.activeLayerIds = [layer.id];
      return {};
    }
    case 'transform':
      return transform(ctx, d);
    case 'duplicate':
      return saveSelection(ctx, d, refs);
    case 'delete':
      return deleteChannel(ctx, refs);
    case 'show':
    case 'hide': {
      const targets = ((d.null ?? []) as Ref[]).filter((r) => r._ref === 'layer');
      const doc = targetDoc(ctx, (d.null ?? []) as Ref[]);
      const layers = targets.map((r) => doc.layers.find((l) => l.id === r._id));
      if (!layers.length || layers.some((l) => !l)) return error('The object "layer" is not currently available.');
      for (const l of layers) l!.visible = d._obj === 'show';
      ctx.step(doc, d._obj === 'show' ? 'Show Layer' : 'Hide Layer');
      return {};
    }
    case 'autoCutout': {
      const doc = ctx.active();
      doc.selection = fakeSubjectMask(compositeDocument(doc));
      ctx.step(doc, 'Select Subject');
      return {};
    }
    case 'removeBackground': {
      const doc = ctx.active();
      const layer = activeLayer(doc);
      if (!layer || layer.isBackground || !layer.pixels) return error('The command "Remove Background" is not currently available.');
      layer.mask = fakeSubjectMask(layer.pixels);
      ctx.step(doc, 'Remove Background');
      return {};
    }
    default:
      throw new Error(`FakePhotoshop: no fake for descriptor "${d._obj}"`);
  }
}

function make(ctx: FakePlayContext, d: ActionDescriptor, refs: Ref[]): ActionResult {
  const doc = ctx.active();
  const using = d.using as { _obj?: string; name?: string; type?: { _class?: string; _obj?: string } & Record<string, unknown> } | undefined;
  if (refs[0]?._ref === 'adjustmentLayer') {
    const type = using?.type?._class ?? using?.type?._obj ?? 'unknown';
    const { _class, _obj, ...settings } = using?.type ?? {};
    const name = using?.name ?? (type === 'colorLookup' ? 'Color Lookup 1' : 'Curves 1');
    // As in Photoshop: a new adjustment layer goes above the active layer and takes the active
    // selection as its layer mask ("If no selection is present ... the layer mask will be entirely white").
    const layer = ctx.insertLayer(doc, {
      name, kind: 'adjustment', adjustment: type, settings: structuredClone(settings), isBackground: false, visible: true, pixels: null,
      mask: doc.selection ? doc.selection.slice() : null, xmp: '',
    });
    ctx.step(doc, `New ${type === 'colorLookup' ? 'Color Lookup' : 'Curves'} Layer`);
    return { layerID: layer.id };
  }
  if (refs[0]?._ref === 'layer') {
    const layer = ctx.insertLayer(doc, {
      name: using?.name ?? 'Layer 1', kind: 'pixel', adjustment: null, settings: {}, isBackground: false, visible: true, pixels: null, mask: null, xmp: '',
    });
    ctx.step(doc, 'New Layer');
    return { layerID: layer.id };
  }
  if ((d.new as { _class?: string } | undefined)?._class === 'channel') {
    const layer = activeLayer(doc);
    if (!doc.selection) return error('The command "Make" is not currently available.');
    if (!layer || layer.isBackground) return error('Could not make a layer mask because the target layer is the background.');
    layer.mask = doc.selection.slice();
    ctx.step(doc, 'Add Layer Mask');
    return {};
  }
  throw new Error(`FakePhotoshop: no fake for make ${JSON.stringify(refs)}`);
}

function set(ctx: FakePlayContext, d: ActionDescriptor, refs: Ref[]): ActionResult {
  const to = (d.to ?? {}) as Record<string, unknown> & { _obj?: string; _value?: string };
  const doc = targetDoc(ctx, refs);
  if (refs.some((r) => r._property === 'XMPMetadataAsUTF8')) {
    const onLayer = refs.some((r) => r._ref === 'layer');
    const layer = onLayer ? layerById(doc, refs) : undefined;
    if (onLayer && !layer) return error('The object "layer" is not currently available.');
    // Reported in the field for layer XMP on some documents: the set fails with -25920.
    if (layer ? layer.refusesXmp || doc.refusesLayerXmp : doc.refusesXmp) return error('The command "Set" is not currently available.', -25920);
    if (layer) layer.xmp = String(to.XMPMetadataAsUTF8);
    else doc.xmp = String(to.XMPMetadataAsUTF8);
    ctx.step(doc, 'File Info');
    return {};
  }
  if (refs[0]?._ref === 'channel' && refs[0]._property === 'selection') {
    if (to._obj === 'rectangle') {
      const px = (k: string) => Math.round((to[k] as { _value: number })._value);
      const mask = new Uint8Array(doc.width * doc.height);
      for (let y = Math.max(0, px('top')); y < Math.min(doc.height, px('bottom')); y++) {
        for (let x = Math.max(0, px('left')); x < Math.min(doc.width, px('right')); x++) mask[y * doc.width + x] = 255;
      }
      doc.selection = mask;
      ctx.step(doc, 'Rectangular Marquee');
      return {};
    }
    if (to._ref === 'channel' && typeof to._name === 'string') {
      const channel = doc.channels.find((c) => c.name === to._name);
      if (!channel) return error(`The object "channel ${to._name}" is not currently available.`);
      // A black channel loads as no selection at all (Photoshop warns that no pixels are more than 50% selected).
      doc.selection = channel.mask.some((v) => v >= 128) ? channel.mask.slice() : null;
      ctx.step(doc, 'Load Selection');
      return {};
    }
    if (to._value !== 'none') throw new Error(`FakePhotoshop: no fake for set selection to ${JSON.stringify(to)}`);
    doc.selection = null;
    ctx.step(doc, 'Deselect');
    return {};
  }
  if (refs[0]?._ref === 'layer' && refs[0]._property === 'background') {
    const bg = doc.layers.find((l) => l.isBackground);
    if (!bg) return error('The object "background layer" is not currently available.');
    bg.isBackground = false;
    bg.name = String(to.name ?? 'Layer 0');
    ctx.step(doc, 'Layer From Background');
    return {};
  }
  if (refs[0]?._ref === 'adjustmentLayer') {
    const layer = activeLayer(doc);
    if (!layer || layer.kind !== 'adjustment' || layer.adjustment !== to._obj) {
      return error(`The object "${to._obj} adjustment layer" is not currently available.`);
    }
    const settings: Record<string, unknown> = { ...to };
    delete settings._obj;
    for (const key of ['profile', 'LUT3DFileData']) {
      const raw = to[key] as { _rawData?: string; _data?: string } | undefined;
      if (raw) settings[key] = raw._rawData === 'base64' ? base64ToBytes(String(raw._data)) : raw._data;
    }
    layer.settings = settings;
    ctx.step(doc, 'Modify Color Lookup Layer');
    return {};
  }
  if (refs[0]?._ref === 'layer' && to._obj === 'layer' && to.opacity !== undefined) {
    const layer = layerById(doc, refs);
    if (!layer) return error('The object "layer" is not currently available.');
    const value = (to.opacity as { _unit?: string; _value?: number })._value;
    if (typeof value !== 'number' || value < 0 || value > 100) return error(`The value ${String(value)} is not a layer opacity (0..100).`);
    layer.opacity = value;
    ctx.step(doc, 'Layer Properties');
    return {};
  }
  if (refs[0]?._ref === 'layer' && to._obj === 'layer' && to.mode !== undefined) {
    const layer = layerById(doc, refs);
    if (!layer) return error('The object "layer" is not currently available.');
    const mode = to.mode as { _enum?: string; _value?: string };
    if (mode._enum !== 'blendMode' || !BLEND_MODES.includes(String(mode._value))) return error(`The value ${JSON.stringify(to.mode)} is not a blend mode.`);
    layer.blendMode = String(mode._value);
    ctx.step(doc, 'Blending Change');
    return {};
  }
  if (refs[0]?._ref === 'layer' && to._obj === 'layer' && typeof to.name === 'string') {
    const layer = layerById(doc, refs);
    if (!layer) return error('The object "layer" is not currently available.');
    layer.name = to.name;
    ctx.step(doc, 'Rename Layer');
    return {};
  }
  throw new Error(`FakePhotoshop: no fake for set ${JSON.stringify(refs)}`);
}

/** Photoshop's blendMode enumeration (the Layers panel's modes, as batchPlay and Copy as JavaScript spell them). */
const BLEND_MODES = [
  'normal', 'dissolve', 'darken', 'multiply', 'colorBurn', 'linearBurn', 'darkerColor', 'lighten', 'screen', 'colorDodge', 'linearDodge',
  'lighterColor', 'overlay', 'softLight', 'hardLight', 'vividLight', 'linearLight', 'pinLight', 'hardMix', 'difference', 'exclusion',
  'blendSubtraction', 'blendDivide', 'hue', 'saturation', 'color', 'luminosity', 'passThrough',
];

/**
 * Photoshop: "An image can have up to 56 channels" (Help, Channel basics), component channels
 * included. The wording of the refusal is not confirmed; the refusal is.
 */
const MAX_CHANNELS = 56;
const componentChannels: Record<string, number> = { RGB: 3, CMYK: 4, Lab: 3, Grayscale: 1, Indexed: 1, Bitmap: 1, Duotone: 1, Multichannel: 0 };

/** Select > Save Selection: a new alpha channel holding the selection; refused with nothing selected. */
function saveSelection(ctx: FakePlayContext, d: ActionDescriptor, refs: Ref[]): ActionResult {
  if (refs[0]?._ref !== 'channel' || refs[0]._property !== 'selection') throw new Error(`FakePhotoshop: no fake for duplicate ${JSON.stringify(refs)}`);
  const doc = ctx.active();
  if (!doc.selection || !doc.selection.some((v) => v >= 128)) return error('The command "Duplicate" is not currently available.');
  if (componentChannels[doc.mode] + doc.channels.length >= MAX_CHANNELS) return error(`Could not save the selection because a document can have at most ${MAX_CHANNELS} channels.`);
  doc.channels.push({ name: typeof d.name === 'string' ? d.name : `Alpha ${doc.channels.length + 1}`, mask: doc.selection.slice() });
  ctx.step(doc, 'Save Selection');
  return {};
}

/** Deletes the first channel with the name, as the Channels panel does. */
function deleteChannel(ctx: FakePlayContext, refs: Ref[]): ActionResult {
  const name = refs[0]?._name;
  if (refs[0]?._ref !== 'channel' || typeof name !== 'string') throw new Error(`FakePhotoshop: no fake for delete ${JSON.stringify(refs)}`);
  const doc = ctx.active();
  const at = doc.channels.findIndex((c) => c.name === name);
  if (at < 0) return error(`The object "channel ${name}" is not currently available.`);
  doc.channels.splice(at, 1);
  ctx.step(doc, 'Delete Channel');
  return {};
}

/** Free Transform of the active layer: scale about the centre of its bounds, then offset. */
function transform(ctx: FakePlayContext, d: ActionDescriptor): ActionResult {
  const doc = ctx.active();
  const layer = activeLayer(doc);
  if (!layer?.pixels) return error('The command "Free Transform" is not currently available.');
  const value = (k: string) => (d[k] as { _value: number })._value;
  const offset = d.offset as { horizontal: { _value: number }; vertical: { _value: number } };
  const b = layerBounds(doc, layer);
  const w = b.right - b.left;
  const h = b.bottom - b.top;
  const nw = Math.max(1, Math.round((w * value('width')) / 100));
  const nh = Math.max(1, Math.round((h * value('height')) / 100));
  const left = Math.round(b.left + w / 2 - nw / 2 + offset.horizontal._value);
  const top = Math.round(b.top + h / 2 - nh / 2 + offset.vertical._value);
  const scaled = resampleRaster(cropRaster(layer.pixels, b.left, b.top, w, h), nw, nh);
  layer.pixels = cropRaster(scaled, -left, -top, doc.width, doc.height);
  ctx.step(doc, 'Free Transform');
  return {};
}
