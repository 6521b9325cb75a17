/**
 * The real Photoshop behind the host port: DOM calls for documents, batchPlay for descriptors, the
 * Imaging API for pixels, all errors mapped to PanelErrors. Kept thin: every decision lives in the
 * flows and descriptor builders that the fake host exercises in tests.
 */
import { action, app, constants, core } from 'photoshop';
import type { Raster } from '@brandlock/core/raster';
import type {
  ActionDescriptor, ActionResult, Bounds, ColorMode, DocumentInfo, FileRef, LayerInfo, LayerKind, ModalContext, OpenOptions, PixelRead, PixelRequest, PsHost, SaveFormat,
  SelectionMask,
} from '../ports/ps-host';
import { toPanelError } from '../errors/host-error';
import { encodeJpegDataUrl, readPixels, readSelectionMask, writeLayerMask, writePixels, writeSelection } from './uxp-imaging';
import { addCanvasOnSide, maskHidingAll, selectLayer } from '../descriptors/layers';
import { saveTiffCopy, saveWebpCopy, setBackgroundColor } from '../descriptors/save-and-colors';
import { checkResults } from '../descriptors/check-results';
import { uxp } from './uxp-api';
import type { UxpFileSystem } from './uxp-file-system';

// The DOM typings lag behind Photoshop; these are the members used, as Photoshop 25 provides them.
type PsDocument = {
  id: number; title: string; width: number; height: number; resolution: number; mode: string; bitsPerChannel: string;
  colorProfileName: string; path: string; layers: PsLayer[]; activeLayers: PsLayer[]; channels: { name: string; kind: string }[];
  selection?: { bounds: Bounds | null };
  duplicate(name?: string): Promise<PsDocument>; flatten(): Promise<void>; crop(b: Bounds): Promise<void>;
  resizeImage(w: number, h: number, resolution?: number, method?: unknown): Promise<void>;
  convertProfile(profile: string, intent: unknown, bpc?: boolean): Promise<void>;
  changeMode?(mode: unknown): Promise<void>;
  bitsPerChannelSetter?: never;
  saveAs: Record<'jpg' | 'png' | 'tiff' | 'psd', (entry: unknown, options?: unknown, asCopy?: boolean) => Promise<void>>;
  closeWithoutSaving(): void;
};
type PsLayer = {
  id: number; name: string; kind: string; isBackgroundLayer: boolean; visible: boolean; opacity: number; bounds: Bounds; boundsNoEffects?: Bounds;
  layers?: PsLayer[] | null;
};

const modes: Record<string, ColorMode> = {
  RGBColorMode: 'RGB', CMYKColorMode: 'CMYK', grayscaleMode: 'Grayscale', labColorMode: 'Lab',
  indexedColorMode: 'Indexed', bitmapMode: 'Bitmap', multichannelMode: 'Multichannel', duotoneMode: 'Duotone',
};
const adjustmentKinds = new Set(['brightnessContrast', 'levels', 'curves', 'exposure', 'vibrance', 'hueSaturation', 'colorBalance', 'blackAndWhite',
  'photoFilter', 'channelMixer', 'colorLookup', 'inversion', 'posterize', 'threshold', 'selectiveColor', 'gradientMap']);

function kindOf(kind: string): LayerKind {
  if (kind === 'pixel') return 'pixel';
  if (kind === 'smartObject') return 'smartObject';
  if (kind === 'text') return 'text';
  if (kind === 'group') return 'group';
  if (kind === 'video') return 'video';
  return adjustmentKinds.has(kind) ? 'adjustment' : 'other';
}

export class UxpPhotoshopHost implements PsHost {
  readonly description = `Photoshop ${(app as unknown as { version: string }).version}`;

  constructor(private readonly files: UxpFileSystem) {}

  private all(): PsDocument[] {
    return app.documents as unknown as PsDocument[];
  }

  private doc(id: number): PsDocument {
    const d = this.all().find((x) => x.id === id);
    if (!d) throw toPanelError(new Error(`the document (id ${id}) is no longer open`), 'find the document');
    return d;
  }

  private info(d: PsDocument): DocumentInfo {
    const bits = d.bitsPerChannel === 'bitDepth16' ? 16 : d.bitsPerChannel === 'bitDepth32' ? 32 : 8;
    return {
      id: d.id, title: d.title, width: Math.round(d.width), height: Math.round(d.height), mode: modes[d.mode] ?? 'Multichannel',
      bitsPerChannel: bits, resolution: d.resolution, profile: d.colorProfileName ?? '', path: d.path || null,
    };
  }

  private layerInfo(l: PsLayer): LayerInfo {
    const kind = kindOf(l.kind);
    // `bounds` include layer effects; the Imaging API says to read a layer within `boundsNoEffects`
    // (ps-reference/media/imaging.md, getPixels; Layer.boundsNoEffects since 22.5).
    return {
      id: l.id, name: l.name, kind, adjustment: kind === 'adjustment' ? l.kind : null, isBackground: l.isBackgroundLayer,
      visible: l.visible, hasMask: false, bounds: l.bounds, pixelBounds: l.boundsNoEffects ?? l.bounds, opacity: l.opacity ?? 100,
    };
  }

  async documents() {
    return this.all().map((d) => this.info(d));
  }

  async activeDocument() {
    const d = app.activeDocument as unknown as PsDocument | null;
    return d ? this.info(d) : null;
  }

  async layers(documentId: number) {
    const flat: LayerInfo[] = [];
    const walk = (ls: PsLayer[]) => ls.forEach((l) => (flat.push(this.layerInfo(l)), l.layers && walk(l.layers)));
    walk(this.doc(documentId).layers);
    return flat;
  }

  async activeLayers(documentId: number) {
    return this.doc(documentId).activeLayers.map((l) => this.layerInfo(l));
  }

  async selectionBounds(documentId: number) {
    const d = this.doc(documentId);
    const b = d.selection?.bounds;
    if (!b) return null;
    // Selection bounds may extend past the canvas (a marquee dragged outside it): keep them on it.
    const clamped = {
      left: Math.max(0, b.left), top: Math.max(0, b.top),
      right: Math.min(Math.round(d.width), b.right), bottom: Math.min(Math.round(d.height), b.bottom),
    };
    return clamped.right > clamped.left && clamped.bottom > clamped.top ? clamped : null;
  }

  /**
   * Document.channels (23.0) holds component, alpha and spot channels; Channel.kind is ChannelType:
   * "component", "maskedAreas" / "selectedAreas" (alpha) or "spot" (ps-reference/classes/channel.md,
   * @types/photoshop Constants.ChannelType).
   */
  async alphaChannelNames(documentId: number) {
    return Array.from(this.doc(documentId).channels).filter((c) => c.kind === 'maskedAreas' || c.kind === 'selectedAreas').map((c) => c.name);
  }

  async executeAsModal<T>(commandName: string, fn: (ctx: ModalContext) => Promise<T>): Promise<T> {
    try {
      return (await core.executeAsModal(
        async (context: any) =>
          fn({
            get isCancelled() {
              return Boolean(context.isCancelled);
            },
            reportProgress: (value, name) => context.reportProgress({ value, commandName: name }),
            suspendHistory: async (documentID, name) => context.hostControl.suspendHistory({ documentID, name }),
            resumeHistory: async (id, commit) => context.hostControl.resumeHistory(id, commit),
            registerAutoCloseDocument: async (id) => { await context.hostControl.registerAutoCloseDocument(id); },
          }),
        { commandName: `brandlock: ${commandName}` },
      )) as T;
    } catch (e) {
      throw toPanelError(e, `run "${commandName}"`);
    }
  }

  getPixels(req: PixelRequest): Promise<PixelRead> {
    const d = this.doc(req.documentId);
    return readPixels(req, { width: Math.round(d.width), height: Math.round(d.height) });
  }

  async getSelectionMask(documentId: number, targetSize: { width: number; height: number }) {
    const box = await this.selectionBounds(documentId);
    return box ? readSelectionMask(documentId, box, targetSize) : null;
  }

  /** A mask hiding everything, then the selection's pixels put into it (imaging.putLayerMask, replace: false). */
  async setLayerMask(documentId: number, layerId: number, mask: SelectionMask): Promise<void> {
    checkResults(await this.batchPlay([selectLayer(documentId, layerId), maskHidingAll()]), 'add the layer mask');
    await writeLayerMask(documentId, layerId, mask);
  }

  setSelection(documentId: number, mask: SelectionMask): Promise<void> {
    return writeSelection(documentId, mask);
  }

  jpegDataUrl(raster: Raster): Promise<string> {
    return encodeJpegDataUrl(raster);
  }

  putPixels(documentId: number, layerId: number, raster: Raster, at: { left: number; top: number }): Promise<void> {
    return writePixels(documentId, layerId, raster, at);
  }

  async batchPlay(descriptors: ActionDescriptor[]): Promise<ActionResult[]> {
    try {
      return (await action.batchPlay(descriptors as any, {})) as ActionResult[];
    } catch (e) {
      throw toPanelError(e, `run ${descriptors.map((d) => d._obj).join(', ')}`);
    }
  }

  async sessionToken(file: FileRef): Promise<string> {
    return uxp.storage.localFileSystem.createSessionToken(this.files.entryOf(file));
  }

  /**
   * `app.displayDialogs` (R W since 23.0, ps-reference/classes/photoshop.md) controls "what types of
   * dialogs should be displayed when your code is interacting with Photoshop"; a batch sets it to NO
   * around `app.open` so a profile-mismatch or Camera Raw dialog cannot stop it, then restores it.
   */
  async openDocument(file: FileRef, options: OpenOptions): Promise<DocumentInfo> {
    const ps = app as unknown as { displayDialogs: unknown };
    const before = ps.displayDialogs;
    if (options.dialogs === 'suppress') ps.displayDialogs = (constants as any).DialogModes.NO;
    try {
      return this.info((await app.open(this.files.entryOf(file) as any)) as unknown as PsDocument);
    } finally {
      if (options.dialogs === 'suppress') ps.displayDialogs = before;
    }
  }

  async activateDocument(documentId: number): Promise<void> {
    (app as any).activeDocument = this.doc(documentId);
  }

  async duplicateDocument(documentId: number, name: string): Promise<DocumentInfo> {
    return this.info(await this.doc(documentId).duplicate(name));
  }

  async flattenDocument(documentId: number) {
    await this.doc(documentId).flatten();
  }

  async cropDocument(documentId: number, bounds: Bounds) {
    await this.doc(documentId).crop(bounds);
  }

  async resizeDocument(documentId: number, width: number, height: number) {
    await this.doc(documentId).resizeImage(width, height, undefined, constants.ResampleMethod.AUTOMATIC);
  }

  async padCanvas(documentId: number, insets: { top: number; right: number; bottom: number; left: number }, fill: string) {
    await this.activateDocument(documentId);
    const white = fill.toLowerCase() === '#ffffff';
    // Canvas Size fills with the background colour: set it the way the colour picker does, and give
    // the retoucher's own swatch back afterwards (app.backgroundColor is readable since 23.0).
    const theirs = white ? null : ((app as any).backgroundColor?.rgb?.hexValue as string | undefined) ?? null;
    if (!white) checkResults(await this.batchPlay([setBackgroundColor(fill)]), 'set the padding colour');
    try {
      const sides = (['top', 'right', 'bottom', 'left'] as const).filter((side) => insets[side] > 0);
      const descriptors = sides.map((side) => addCanvasOnSide(side, insets[side], white ? 'white' : 'backgroundColor'));
      if (descriptors.length) checkResults(await this.batchPlay(descriptors), 'add canvas for the padding');
    } finally {
      if (theirs && /^[0-9a-f]{6}$/i.test(theirs)) await this.batchPlay([setBackgroundColor(`#${theirs}`)]).catch(() => undefined);
    }
  }

  async convertToSrgb8(documentId: number) {
    const d = this.doc(documentId);
    await d.convertProfile('sRGB IEC61966-2.1', constants.Intent.RELATIVECOLORIMETRIC, true);
    if (d.bitsPerChannel !== 'bitDepth8') (d as any).bitsPerChannel = constants.BitsPerChannelType.EIGHT;
  }

  async saveDocumentCopy(documentId: number, file: FileRef, format: SaveFormat) {
    const d = this.doc(documentId);
    const entry = this.files.entryOf(file);
    if (format.format === 'jpeg') await d.saveAs.jpg(entry, { quality: Math.max(0, Math.min(12, Math.round((format.quality / 100) * 12))), embedColorProfile: true }, true);
    // The compression level applies only with the QUICK method (PNGSaveOptions: "The compression value to
    // be used when method = PNGMethod.QUICK"); any other method optimises the file size at length, which on
    // a 24 MP flattened master sent to the server costs seconds for a file that is read once.
    else if (format.format === 'png') await d.saveAs.png(entry, { method: constants.PNGMethod.QUICK, compression: 6 }, true);
    else if (format.format === 'tiff') checkResults(await this.batchPlay([saveTiffCopy(documentId, await this.sessionToken(file))]), 'save the TIFF copy');
    else if (format.format === 'webp') checkResults(await this.batchPlay([saveWebpCopy(documentId, await this.sessionToken(file), format.quality)]), 'save the WebP copy');
    else await d.saveAs.psd(entry, { embedColorProfile: true, maximizeCompatibility: true }, true);
  }

  async closeDocument(documentId: number) {
    this.doc(documentId).closeWithoutSaving();
  }

  async showAlert(message: string) {
    await (core as any).showAlert({ message });
  }
}
