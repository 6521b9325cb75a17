/**
 * The state every fake Photoshop call works on: open documents and ids, the active document, the
 * modal state (one scope at a time, another plugin holding it, the user cancelling after a number of
 * calls) and History suspensions, which fold steps into one or roll the document back.
 */
import type { Raster } from '@brandlock/core/raster';
import type { DocumentInfo, LayerInfo, ModalContext } from '../ports/ps-host';
import { toPanelError } from '../errors/host-error';
import { cloneDocument, layerBounds, type FakeDocument, type FakeLayer } from './fake-document';
import { convertDepth, storageDepth } from './fake-render';

export interface NewFakeDocument {
  title: string;
  pixels: Raster;
  mode?: DocumentInfo['mode'];
  bitsPerChannel?: 8 | 16 | 32;
  resolution?: number;
  profile?: string;
  path?: string | null;
}

interface Suspension {
  documentId: number;
  name: string;
  snapshot: FakeDocument;
}

export class FakePhotoshopState {
  readonly docs: FakeDocument[] = [];
  activeId: number | null = null;
  /** Set to a plugin name to act as if that plugin holds the modal state. */
  modalHeldBy: string | null = null;
  /** Counts modifying calls made inside executeAsModal; with cancelAfter, the user cancels after that many. */
  modifyingCalls = 0;
  cancelAfter: number | null = null;
  /** Every alert shown, in order. */
  readonly alerts: string[] = [];
  /** Every executeAsModal command name, in order. */
  readonly modalCommands: string[] = [];
  /**
   * Files whose opening shows a dialog (by path, the dialog's name), as Photoshop does for an
   * embedded profile that differs from the working space when Color Settings say "Ask When Opening",
   * or for a JPEG when Camera Raw is set to open JPEGs. Unless dialogs are suppressed, the open waits
   * for a person; in a batch nobody answers, so the fake fails the open as a cancel.
   */
  readonly openDialogs = new Map<string, string>();
  private inModal = false;
  private cancelled = false;
  protected nextId = 100;
  private suspensions = new Map<number, Suspension>();

  addDocument(spec: NewFakeDocument): FakeDocument {
    const bits = spec.bitsPerChannel ?? spec.pixels.depth;
    const doc: FakeDocument = {
      id: this.nextId++, title: spec.title, width: spec.pixels.width, height: spec.pixels.height, mode: spec.mode ?? 'RGB',
      bitsPerChannel: bits, resolution: spec.resolution ?? 300, profile: spec.profile ?? 'sRGB IEC61966-2.1', path: spec.path ?? null,
      layers: [], activeLayerIds: [], selection: null, channels: [], xmp: '', history: ['Open'],
    };
    const pixels = convertDepth(spec.pixels, storageDepth(doc));
    const bg: FakeLayer = {
      id: this.nextId++, name: 'Background', kind: 'pixel', adjustment: null, settings: {}, isBackground: true, visible: true, pixels, mask: null, xmp: '',
    };
    doc.layers.push(bg);
    doc.activeLayerIds = [bg.id];
    this.docs.push(doc);
    this.activeId = doc.id;
    return doc;
  }

  /** For tests: a pixel layer on top of the stack (document-sized pixels), made active as Photoshop does. */
  addPixelLayer(documentId: number, name: string, pixels: Raster, extra: Partial<FakeLayer> = {}): FakeLayer {
    const doc = this.doc(documentId);
    const layer: FakeLayer = {
      id: this.nextId++, name, kind: 'pixel', adjustment: null, settings: {}, isBackground: false, visible: true,
      pixels: convertDepth(pixels, storageDepth(doc)), mask: null, xmp: '', ...extra,
    };
    doc.layers.unshift(layer);
    doc.activeLayerIds = [layer.id];
    return layer;
  }

  doc(id: number): FakeDocument {
    const d = this.docs.find((x) => x.id === id);
    if (!d) throw toPanelError(new Error(`The document with id ${id} is no longer open.`), 'find the document');
    return d;
  }

  protected info(d: FakeDocument): DocumentInfo {
    return { id: d.id, title: d.title, width: d.width, height: d.height, mode: d.mode, bitsPerChannel: d.bitsPerChannel, resolution: d.resolution, profile: d.profile, path: d.path };
  }

  protected layerInfo(d: FakeDocument, l: FakeLayer): LayerInfo {
    const pixels = layerBounds(d, l);
    const spread = l.effectsSpread ?? 0;
    const bounds = spread && pixels.right > pixels.left
      ? { left: pixels.left - spread, top: pixels.top - spread, right: pixels.right + spread, bottom: pixels.bottom + spread }
      : pixels;
    return {
      id: l.id, name: l.name, kind: l.kind, adjustment: l.adjustment, isBackground: l.isBackground, visible: l.visible, hasMask: !!l.mask,
      bounds, pixelBounds: pixels, opacity: l.opacity ?? 100,
    };
  }

  async executeAsModal<T>(commandName: string, fn: (ctx: ModalContext) => Promise<T>): Promise<T> {
    const what = `run "${commandName}"`;
    if (this.modalHeldBy) {
      throw toPanelError({ number: 9, message: `Host is in a modal state and the request cannot be executed. The modal state is held by plugin "${this.modalHeldBy}".` }, what);
    }
    if (this.inModal) throw new Error(`FakePhotoshop: executeAsModal("${commandName}") called while already modal`);
    this.modalCommands.push(commandName);
    this.inModal = true;
    this.cancelled = false;
    this.modifyingCalls = 0;
    const autoClose: number[] = [];
    const self = this;
    const ctx: ModalContext = {
      get isCancelled() {
        return self.cancelled;
      },
      reportProgress: () => {},
      suspendHistory: async (documentId, name) => {
        const id = this.nextId++;
        this.suspensions.set(id, { documentId, name, snapshot: cloneDocument(this.doc(documentId)) });
        return id;
      },
      resumeHistory: async (id, commit) => this.resume(id, commit),
      registerAutoCloseDocument: async (documentId) => void autoClose.push(documentId),
    };
    try {
      return await fn(ctx);
    } catch (e) {
      throw toPanelError(e, what);
    } finally {
      for (const id of [...this.suspensions.keys()]) this.resume(id, false);
      for (const id of autoClose) this.removeDoc(id);
      this.inModal = false;
    }
  }

  /** Open suspensions are dropped (rolled back) when a modal scope ends without resuming them. */
  private resume(id: number, commit: boolean): void {
    const s = this.suspensions.get(id);
    if (!s) throw new Error(`FakePhotoshop: no history suspension ${id}`);
    this.suspensions.delete(id);
    const i = this.docs.findIndex((d) => d.id === s.documentId);
    if (i < 0) return;
    if (commit) this.docs[i].history = [...s.snapshot.history, s.name];
    else this.docs[i] = s.snapshot;
  }

  protected modifying(what: string): void {
    if (!this.inModal) throw new Error(`FakePhotoshop: "${what}" modifies Photoshop and must run inside executeAsModal`);
    if (this.cancelled) throw { number: -128, message: 'The user cancelled the operation.' };
    this.modifyingCalls++;
    if (this.cancelAfter !== null && this.modifyingCalls >= this.cancelAfter) this.cancelled = true;
  }

  protected step(doc: FakeDocument, name: string): void {
    if (![...this.suspensions.values()].some((s) => s.documentId === doc.id)) doc.history.push(name);
  }

  protected removeDoc(documentId: number): void {
    const i = this.docs.findIndex((d) => d.id === documentId);
    if (i < 0) return;
    this.docs.splice(i, 1);
    if (this.activeId === documentId) this.activeId = this.docs.length ? this.docs[this.docs.length - 1].id : null;
  }
}
