/**
 * A fake Photoshop for tests and UI previews: documents, layers, pixels, history with
 * suspendHistory, the modal state (including another plugin holding it, and the user cancelling),
 * XMP, all in memory. It enforces what Photoshop enforces (modifying calls only inside
 * executeAsModal, one modal plugin at a time) and throws through the same error mapping as the
 * real host. Image decoding and encoding are given by the environment (sharp in Node, canvas in a
 * browser) because the fake has no codecs of its own.
 */
import { toPanelError } from '../errors/host-error';
import type { Raster } from '@brandlock/core/raster';
import type {
  ActionDescriptor, ActionResult, Bounds, DocumentInfo, FileRef, LayerInfo, OpenOptions, PixelRead, PixelRequest, PsHost, SaveFormat, SelectionMask,
} from '../ports/ps-host';
import { bytesToBase64 } from '../descriptors/base64';
import { cloneDocument, intersectBounds, pixelDataBox, selectionBox } from './fake-document';
import { FakePhotoshopState } from './fake-photoshop-state';
import { compositeDocument, convertDepth, cropRaster, resampleRaster, storageDepth } from './fake-render';
import { isModifying, playDescriptor, type FakePlayContext } from './fake-batch-play';
import * as ops from './fake-document-ops';
import type { FakeFileSystem } from './fake-file-system';
import { readMp4Facts } from './fake-mp4';

/** What Photoshop opens as a video document (its QuickTime/MPEG-4 importer), by the file's extension. */
const VIDEO_EXTENSIONS = /\.(mp4|m4v|mov)$/i;

export type { NewFakeDocument } from './fake-photoshop-state';

export interface FakeCodecs {
  decodeImage(bytes: Uint8Array, fileName: string): Promise<Raster>;
  /**
   * `xmp` is the document's XMP packet, which Photoshop writes into every file it saves. `alphaChannels`
   * are the document's alpha channels (document-sized, 0..255): Save a Copy as TIFF keeps them (the
   * dialog's "Alpha Channels" box is on whenever the document has any), as extra samples after the
   * colour ones, which readers such as libvips take for transparency. JPEG, PNG and WebP drop them.
   */
  encodeImage(raster: Raster, format: SaveFormat, xmp: string, alphaChannels?: readonly Uint8Array[]): Promise<Uint8Array>;
}

export class FakePhotoshop extends FakePhotoshopState implements PsHost {
  readonly description = 'Fake Photoshop (tests)';

  constructor(readonly fs: FakeFileSystem, private readonly codecs: FakeCodecs) {
    super();
  }

  async documents(): Promise<DocumentInfo[]> {
    return this.docs.map((d) => this.info(d));
  }

  async activeDocument(): Promise<DocumentInfo | null> {
    return this.activeId === null ? null : this.info(this.doc(this.activeId));
  }

  async layers(documentId: number): Promise<LayerInfo[]> {
    const d = this.doc(documentId);
    return d.layers.map((l) => this.layerInfo(d, l));
  }

  async activeLayers(documentId: number): Promise<LayerInfo[]> {
    const d = this.doc(documentId);
    return d.layers.filter((l) => d.activeLayerIds.includes(l.id)).map((l) => this.layerInfo(d, l));
  }

  async selectionBounds(documentId: number): Promise<Bounds | null> {
    return selectionBox(this.doc(documentId));
  }

  async alphaChannelNames(documentId: number): Promise<string[]> {
    return this.doc(documentId).channels.map((c) => c.name);
  }

  private playContext(): FakePlayContext {
    return {
      active: () => {
        if (this.activeId === null) throw new Error('FakePhotoshop: no document is open');
        return this.doc(this.activeId);
      },
      document: (id) => this.doc(id),
      newLayerId: () => this.nextId++,
      insertLayer: (doc, layer) => {
        const made = { ...layer, id: this.nextId++ };
        const at = Math.max(0, doc.layers.findIndex((l) => l.id === doc.activeLayerIds[0]));
        doc.layers.splice(at, 0, made);
        doc.activeLayerIds = [made.id];
        return made;
      },
      step: (doc, name) => this.step(doc, name),
    };
  }

  /**
   * Commands this Photoshop refuses by throwing, as Photoshop 23.4.1 and newer do for more bad
   * requests (older versions resolve `{_obj: "error"}`), e.g. `removeBackground` without the model.
   */
  readonly throwingCommands = new Set<string>();

  async batchPlay(descriptors: ActionDescriptor[]): Promise<ActionResult[]> {
    const results: ActionResult[] = [];
    for (const d of descriptors) {
      if (isModifying(d)) this.modifying(`batchPlay ${d._obj}`);
      if (this.throwingCommands.has(d._obj)) throw toPanelError(new Error(`The command "${d._obj}" is not currently available.`), `run ${d._obj}`);
      if (d._obj === 'placeEvent') {
        results.push(await this.place(String((d.null as { _path: string })._path)));
        continue;
      }
      results.push(playDescriptor(this.playContext(), d));
    }
    return results;
  }

  private async place(token: string): Promise<ActionResult> {
    const path = token.replace(/^fake-token:/, '');
    if (VIDEO_EXTENSIONS.test(path)) {
      // What Place Embedded makes of a clip is not in Adobe's UXP or batchPlay documentation; brandlock opens clips instead.
      throw new Error(`FakePhotoshop: placing the clip ${path} into a document is not modelled; open it as its own document`);
    }
    const doc = this.playContext().active();
    const image = convertDepth(await this.codecs.decodeImage(await this.fs.readFile({ name: path, path }), path), storageDepth(doc));
    const scale = Math.min(1, doc.width / image.width, doc.height / image.height);
    const w = Math.max(1, Math.round(image.width * scale));
    const h = Math.max(1, Math.round(image.height * scale));
    const fitted = scale < 1 ? resampleRaster(image, w, h) : image;
    const pixels = cropRaster(fitted, -Math.floor((doc.width - w) / 2), -Math.floor((doc.height - h) / 2), doc.width, doc.height);
    const name = (path.split('/').pop() ?? 'Placed').replace(/\.[^.]+$/, '');
    const layer = this.playContext().insertLayer(doc, {
      name, kind: 'smartObject', adjustment: null, settings: {}, isBackground: false, visible: true, pixels, mask: null, xmp: '',
    });
    this.step(doc, 'Place Embedded');
    return { ID: layer.id };
  }

  /**
   * As imaging.getPixels: "The provided bounds will be trimmed to only that region that contains pixel
   * data. In this event, the returned sourceBounds will reflect this smaller region"
   * (ps-reference/media/imaging.md). A layer holds data where its pixels are not transparent (its mask
   * is not applied: that is getLayerMask's business); the composite where anything shows. The port
   * reports sourceBounds in document pixels, also when targetSize scales the answer down.
   */
  async getPixels(req: PixelRequest): Promise<PixelRead> {
    const doc = this.doc(req.documentId);
    if (doc.mode !== 'RGB') throw new Error(`The Imaging API cannot read ${doc.mode} documents.`);
    let source: Raster;
    if (req.layerId !== undefined) {
      const layer = doc.layers.find((l) => l.id === req.layerId);
      if (!layer?.pixels) throw new Error(`Layer ${req.layerId} has no pixels to read.`);
      source = layer.pixels;
    } else {
      source = compositeDocument(doc);
    }
    const asked = req.sourceBounds ?? { left: 0, top: 0, right: doc.width, bottom: doc.height };
    const bounds = intersectBounds(asked, pixelDataBox(source));
    if (bounds.right <= bounds.left || bounds.bottom <= bounds.top) {
      throw new Error(`FakePhotoshop: no pixel data in ${JSON.stringify(asked)} of ${req.layerId === undefined ? 'the composite' : `layer ${req.layerId}`}.`);
    }
    let raster = cropRaster(source, bounds.left, bounds.top, bounds.right - bounds.left, bounds.bottom - bounds.top);
    if (req.targetSize) {
      const scale = Math.min(1, req.targetSize.width / raster.width, req.targetSize.height / raster.height);
      if (scale < 1) raster = resampleRaster(raster, Math.max(1, Math.round(raster.width * scale)), Math.max(1, Math.round(raster.height * scale)));
    }
    return { raster: convertDepth(raster, req.depth), sourceBounds: bounds };
  }

  /** As Photoshop's getSelection: the mask is trimmed to the selection's box, which comes back as its bounds. */
  async getSelectionMask(documentId: number, targetSize: { width: number; height: number }) {
    const doc = this.doc(documentId);
    const box = selectionBox(doc);
    if (!doc.selection || !box) return null;
    const bw = box.right - box.left;
    const bh = box.bottom - box.top;
    const scale = Math.min(1, targetSize.width / bw, targetSize.height / bh);
    const width = Math.max(1, Math.round(bw * scale));
    const height = Math.max(1, Math.round(bh * scale));
    const asRaster: Raster = { width: bw, height: bh, depth: 8, data: new Uint8Array(bw * bh * 4) };
    for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) asRaster.data[(y * bw + x) * 4] = doc.selection[(y + box.top) * doc.width + x + box.left];
    const small = scale < 1 ? resampleRaster(asRaster, width, height) : asRaster;
    const mask = new Uint8Array(width * height);
    for (let i = 0; i < mask.length; i++) mask[i] = small.data[i * 4];
    return { mask, width, height, bounds: box };
  }

  async setLayerMask(documentId: number, layerId: number, selection: SelectionMask): Promise<void> {
    this.modifying('putLayerMask');
    const doc = this.doc(documentId);
    const layer = doc.layers.find((l) => l.id === layerId);
    if (!layer || layer.isBackground) throw new Error('Could not make a layer mask because the target layer is the background.');
    layer.mask = documentSizedMask(doc, selection, 'putLayerMask');
    this.step(doc, 'Add Layer Mask');
  }

  /** As imaging.putSelection with replace: true: the old selection is discarded, the mask goes in at its bounds. */
  async setSelection(documentId: number, selection: SelectionMask): Promise<void> {
    this.modifying('putSelection');
    const doc = this.doc(documentId);
    doc.selection = documentSizedMask(doc, selection, 'putSelection');
    if (!doc.selection.some((v) => v >= 128)) doc.selection = null;
    this.step(doc, 'Put Selection');
  }

  async jpegDataUrl(raster: Raster): Promise<string> {
    const bytes = await this.codecs.encodeImage(convertDepth(raster, 8), { format: 'jpeg', quality: 85 }, '');
    return `data:image/jpeg;base64,${bytesToBase64(bytes)}`;
  }

  async putPixels(documentId: number, layerId: number, raster: Raster, at: { left: number; top: number }): Promise<void> {
    this.modifying('putPixels');
    const doc = this.doc(documentId);
    const layer = doc.layers.find((l) => l.id === layerId);
    if (!layer || layer.kind !== 'pixel') throw new Error('putPixels needs a pixel layer.');
    const src = convertDepth(raster, storageDepth(doc));
    const target = layer.pixels ?? { width: doc.width, height: doc.height, depth: src.depth, data: src.depth === 8 ? new Uint8Array(doc.width * doc.height * 4) : new Uint16Array(doc.width * doc.height * 4) };
    for (let y = 0; y < src.height; y++) {
      for (let x = 0; x < src.width; x++) {
        const tx = x + at.left;
        const ty = y + at.top;
        if (tx < 0 || ty < 0 || tx >= doc.width || ty >= doc.height) continue;
        for (let c = 0; c < 4; c++) target.data[(ty * doc.width + tx) * 4 + c] = src.data[(y * src.width + x) * 4 + c];
      }
    }
    layer.pixels = target;
    this.step(doc, 'Put Pixels');
  }

  async sessionToken(file: FileRef): Promise<string> {
    return `fake-token:${file.path}`;
  }

  async openDocument(file: FileRef, options: OpenOptions): Promise<DocumentInfo> {
    this.modifying('open');
    const dialog = this.openDialogs.get(file.path);
    if (dialog && options?.dialogs !== 'suppress') {
      throw { number: -128, message: `Opening "${file.name}" stopped at the "${dialog}" dialog, which nobody answered.` };
    }
    const bytes = await this.fs.readFile(file);
    if (VIDEO_EXTENSIONS.test(file.name)) return this.info(this.openVideo(file, bytes));
    const raster = await this.codecs.decodeImage(bytes, file.name);
    return this.info(this.addDocument({ title: file.name, pixels: raster, path: file.path }));
  }

  /**
   * Photoshop opens a clip as a new 8-bit RGB document of the clip's size whose one layer is a video
   * layer (Adobe's help: "When you open a video file ... the frames are contained within a video
   * layer"). The layer references the file rather than embedding it, so the footage is only as
   * lasting as that file. The fake decodes no frames: the layer has no pixels to read.
   */
  private openVideo(file: FileRef, bytes: Uint8Array) {
    const facts = readMp4Facts(bytes);
    if (!facts) throw { number: -25920, message: `Could not complete your request because "${file.name}" is not a valid video file or the file-format module cannot parse it.` };
    const doc = this.addDocument({ title: file.name, pixels: { width: facts.width, height: facts.height, depth: 8, data: new Uint8Array(facts.width * facts.height * 4) }, path: file.path });
    const layer = doc.layers[0];
    Object.assign(layer, { name: 'Layer 1', kind: 'video', isBackground: false, pixels: null, footage: file.path });
    return doc;
  }

  async activateDocument(documentId: number): Promise<void> {
    // Setting app.activeDocument changes Photoshop's state, so it belongs inside executeAsModal.
    this.modifying('activate a document');
    this.doc(documentId);
    this.activeId = documentId;
  }

  async duplicateDocument(documentId: number, name: string): Promise<DocumentInfo> {
    this.modifying('duplicate');
    const copy = cloneDocument(this.doc(documentId));
    copy.id = this.nextId++;
    copy.title = name;
    copy.path = null;
    copy.history = ['Duplicate Image'];
    this.docs.push(copy);
    this.activeId = copy.id;
    return this.info(copy);
  }

  async flattenDocument(documentId: number): Promise<void> {
    this.modifying('flatten');
    const doc = this.doc(documentId);
    ops.flattenDocument(doc, this.nextId++);
    this.step(doc, 'Flatten Image');
  }

  async cropDocument(documentId: number, bounds: Bounds): Promise<void> {
    this.modifying('crop');
    const doc = this.doc(documentId);
    ops.cropDocument(doc, bounds);
    this.step(doc, 'Crop');
  }

  async resizeDocument(documentId: number, width: number, height: number): Promise<void> {
    this.modifying('resize');
    const doc = this.doc(documentId);
    ops.resizeDocument(doc, width, height);
    this.step(doc, 'Image Size');
  }

  async padCanvas(documentId: number, insets: { top: number; right: number; bottom: number; left: number }, fill: string): Promise<void> {
    this.modifying('canvas size');
    const doc = this.doc(documentId);
    ops.padCanvas(doc, insets, fill);
    this.step(doc, 'Canvas Size');
  }

  async convertToSrgb8(documentId: number): Promise<void> {
    this.modifying('convert');
    const doc = this.doc(documentId);
    ops.convertToSrgb8(doc);
    this.step(doc, 'Convert to Profile');
  }

  async saveDocumentCopy(documentId: number, file: FileRef, format: SaveFormat): Promise<void> {
    this.modifying('save a copy');
    const doc = this.doc(documentId);
    this.fs.put(file.path, await this.codecs.encodeImage(compositeDocument(doc), format, doc.xmp, doc.channels.map((c) => c.mask)));
  }

  async closeDocument(documentId: number): Promise<void> {
    this.modifying('close');
    this.removeDoc(documentId);
  }

  async showAlert(message: string): Promise<void> {
    this.alerts.push(message);
  }

}

/** A mask over its bounds laid onto a document-sized one (0 elsewhere); the Imaging API puts masks at document resolution. */
function documentSizedMask(doc: { width: number; height: number }, selection: SelectionMask, what: string): Uint8Array {
  const { bounds, mask, width, height } = selection;
  if (width !== bounds.right - bounds.left || height !== bounds.bottom - bounds.top) {
    throw new Error(`${what} takes the mask at document resolution; got ${width}x${height} for a ${bounds.right - bounds.left}x${bounds.bottom - bounds.top} area.`);
  }
  const full = new Uint8Array(doc.width * doc.height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x + bounds.left;
      const dy = y + bounds.top;
      if (dx >= 0 && dy >= 0 && dx < doc.width && dy < doc.height) full[dy * doc.width + dx] = mask[y * width + x];
    }
  }
  return full;
}
