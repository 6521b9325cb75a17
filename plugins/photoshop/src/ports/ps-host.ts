/**
 * The Photoshop the panel talks to. `src/host` implements it over the `photoshop` module; the fake in
 * `src/fake-host` implements it in memory for tests and UI previews. Everything else in the plugin
 * sees only this interface, so every flow runs without Photoshop.
 *
 * Errors: implementations throw PanelError (`modal-busy`, `cancelled`, `host-command-failed`, ...),
 * never raw host errors. batchPlay returns Photoshop's result objects; a command-level failure comes
 * back as `{_obj: "error"}` exactly as Photoshop reports it, and callers check with `checkResults`.
 */
import type { Raster } from '@brandlock/core/raster';

export type ColorMode = 'RGB' | 'CMYK' | 'Grayscale' | 'Lab' | 'Indexed' | 'Bitmap' | 'Multichannel' | 'Duotone';

/** A rectangle in document pixels; right and bottom are exclusive. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface DocumentInfo {
  id: number;
  title: string;
  width: number;
  height: number;
  mode: ColorMode;
  bitsPerChannel: 8 | 16 | 32;
  /** Pixels per inch. */
  resolution: number;
  /** The colour profile name, e.g. "sRGB IEC61966-2.1"; empty when untagged. */
  profile: string;
  /** Where it was opened from or last saved; null for an unsaved document. */
  path: string | null;
}

/** `video`: a video layer, as opening a clip makes (UXP's constants.LayerKind.VIDEO, "video"). */
export type LayerKind = 'pixel' | 'adjustment' | 'smartObject' | 'text' | 'group' | 'video' | 'other';

export interface LayerInfo {
  id: number;
  name: string;
  kind: LayerKind;
  /** For adjustment layers: the adjustment's class, e.g. "colorLookup", "curves", "levels". */
  adjustment: string | null;
  isBackground: boolean;
  visible: boolean;
  hasMask: boolean;
  /** Photoshop's `bounds`: includes what layer effects (a drop shadow, a glow) draw around the pixels. */
  bounds: Bounds;
  /**
   * Photoshop's `boundsNoEffects` (22.5+): the layer's own pixels. The Imaging API documents these as
   * the valid bounds for reading a layer, so flows use these.
   */
  pixelBounds: Bounds;
  /** 0..100. */
  opacity: number;
}

/** A batchPlay descriptor. */
export type ActionDescriptor = { _obj: string } & Record<string, unknown>;
/** What batchPlay returns per descriptor. */
export type ActionResult = Record<string, unknown>;

/** The execution context of a modal scope (Photoshop's ExecutionContext, narrowed). */
export interface ModalContext {
  /** True once the user pressed Cancel on Photoshop's progress bar. */
  readonly isCancelled: boolean;
  /** 0..1; Photoshop shows its progress bar after about 2 s. */
  reportProgress(value: number, commandName?: string): void;
  /** Collapses everything until resumeHistory into one history step with this name. */
  suspendHistory(documentId: number, name: string): Promise<number>;
  /** commit=false drops the changes made since suspendHistory. */
  resumeHistory(suspensionId: number, commit: boolean): Promise<void>;
  /** Closes a temporary document when the modal scope ends, even after an error. */
  registerAutoCloseDocument(documentId: number): Promise<void>;
}

export interface PixelRequest {
  documentId: number;
  /** Omitted: the composite of the whole document. */
  layerId?: number;
  /** Part of the document to read, in document pixels; default the whole document. */
  sourceBounds?: Bounds;
  /**
   * Ask for at most this size, keeping the aspect ratio (the image fits inside it): Photoshop answers
   * from its cached pyramid, much faster.
   */
  targetSize?: { width: number; height: number };
  depth: 8 | 16;
}

export interface PixelRead {
  /** Straight RGBA at the requested depth, full range (16-bit is 0..65535). */
  raster: Raster;
  /** The document area the raster covers (empty edges of a layer are trimmed by Photoshop). */
  sourceBounds: Bounds;
}

export interface SelectionMask {
  mask: Uint8Array;
  width: number;
  height: number;
  /** The document area the mask covers. */
  bounds: Bounds;
}

export type SaveFormat = { format: 'jpeg'; quality: number } | { format: 'png' } | { format: 'tiff' } | { format: 'psd' } | { format: 'webp'; quality: number };

/**
 * How to open a file. `suppress`: no dialog may stop it (profile mismatch, missing profile, Camera
 * Raw), as a batch needs; `show`: Photoshop asks as it would for File > Open.
 */
export interface OpenOptions {
  dialogs: 'suppress' | 'show';
}

/** A file the host can open or write; `path` is for display and logs, the handle stays in the host. */
export interface FileRef {
  readonly name: string;
  readonly path: string;
}

export interface PsHost {
  /** e.g. "Photoshop 26.2.0"; shown in the Connect tab and written to production records. */
  readonly description: string;
  documents(): Promise<DocumentInfo[]>;
  activeDocument(): Promise<DocumentInfo | null>;
  /** Layers top to bottom. */
  layers(documentId: number): Promise<LayerInfo[]>;
  activeLayers(documentId: number): Promise<LayerInfo[]>;
  /** The selection's bounding box, or null when nothing is selected. */
  selectionBounds(documentId: number): Promise<Bounds | null>;
  /** The names of the document's alpha channels, in the Channels panel's order (component channels left out). */
  alphaChannelNames(documentId: number): Promise<string[]>;

  /** Runs fn with Photoshop modal; throws modal-busy when another plugin or dialog holds it. */
  executeAsModal<T>(commandName: string, fn: (ctx: ModalContext) => Promise<T>): Promise<T>;
  batchPlay(descriptors: ActionDescriptor[]): Promise<ActionResult[]>;
  getPixels(request: PixelRequest): Promise<PixelRead>;
  /**
   * The selection as a width*height mask (0 outside, 255 inside) at most `targetSize`, covering
   * `bounds` (document pixels): Photoshop trims it to the selection's box, as the Imaging API's
   * getSelection reports in its sourceBounds. Null when nothing is selected.
   */
  getSelectionMask(documentId: number, targetSize: { width: number; height: number }): Promise<SelectionMask | null>;
  /**
   * Gives a layer a mask that reveals exactly this selection mask (hidden everywhere else), at
   * document resolution. Inside a modal scope.
   */
  setLayerMask(documentId: number, layerId: number, mask: SelectionMask): Promise<void>;
  /**
   * Replaces the selection with this mask at its bounds, at document resolution (nothing is selected
   * outside it). Inside a modal scope.
   */
  setSelection(documentId: number, mask: SelectionMask): Promise<void>;
  /** A JPEG data URL of a small raster, for an <img>: UXP's image element takes JPEG, not PNG. */
  jpegDataUrl(raster: Raster): Promise<string>;
  /** Writes RGBA pixels into a pixel layer at (left, top). Inside a modal scope. */
  putPixels(documentId: number, layerId: number, raster: Raster, at: { left: number; top: number }): Promise<void>;
  /** A token batchPlay accepts as `_path` for this file (UXP session token). */
  sessionToken(file: FileRef): Promise<string>;

  openDocument(file: FileRef, options: OpenOptions): Promise<DocumentInfo>;
  activateDocument(documentId: number): Promise<void>;
  duplicateDocument(documentId: number, name: string): Promise<DocumentInfo>;
  flattenDocument(documentId: number): Promise<void>;
  cropDocument(documentId: number, bounds: Bounds): Promise<void>;
  resizeDocument(documentId: number, width: number, height: number): Promise<void>;
  /** Adds canvas on each side (pixels), filled with an sRGB colour ("#ffffff") on a flattened document. */
  padCanvas(documentId: number, insets: { top: number; right: number; bottom: number; left: number }, fill: string): Promise<void>;
  convertToSrgb8(documentId: number): Promise<void>;
  saveDocumentCopy(documentId: number, file: FileRef, format: SaveFormat): Promise<void>;
  closeDocument(documentId: number): Promise<void>;
  /** Photoshop's own alert dialog; the menu commands report with it (they have no panel). */
  showAlert(message: string): Promise<void>;
}
