/**
 * A fake `figma` global for running the plugin's main thread outside Figma: in vitest, in a plain JS
 * context (the packed code.js), and in the browser harness beside the real UI. It covers what the
 * plugin uses, with Figma's documented behaviour where it matters: dynamic-page (sync lookups throw),
 * async lookups, clientStorage (5 MB, per plugin id), createImage limits, loadFontAsync before text
 * edits, frozen paint arrays, auto layout, text that wraps and grows, exportAsync returning real PNG
 * bytes for JPG/PNG only, private plugin data keyed by the plugin id and shared plugin data by
 * namespace, FigJam's own APIs (stickies; no pages, grids or auto layout), and a document that
 * outlives a plugin run: the designer closes the plugin (its code stops, its window goes) and opens
 * it again on the same file, perhaps as the published build with another id.
 * It is a test double: it never claims to be Figma, and what it cannot do (font rasterising, JPEG
 * without an injected encoder) fails loudly.
 */
import { createImageStore, type FigmaPlan, type ImageDecoder } from './fake-images';
import { createStyleStore } from './fake-styles';
import { FakeNode } from './fake-node';
import { layoutFrame } from './fake-layout';
import { renderNode } from './fake-render';
import { encodePng, type RgbaImage } from '../support/png';
import type { FontName } from './fake-text';
import type { FakeContext } from './fake-context';

export interface FakeFigmaOptions {
  editorType?: 'figma' | 'figjam';
  command?: string;
  /** The manifest id of the running plugin (a development build, or the id Figma assigned on publish). */
  pluginId?: string;
  /** Fonts present on the machine; loadFontAsync rejects others. */
  fonts?: FontName[];
  /** Decodes JPEG/GIF images for rendering (PNG is built in). */
  decodeImage?: ImageDecoder;
  /** Encodes JPG exports; without it a JPG export throws. */
  encodeJpeg?: (img: RgbaImage) => Promise<Uint8Array>;
  relaunchCommands?: string[];
  /** The plan of the team that owns the file; createVideoAsync refuses on 'starter' (the default: the strictest). */
  plan?: FigmaPlan;
}

export interface UiMessageProps {
  origin: string;
}

const DEFAULT_FONTS: FontName[] = ['Regular', 'Medium', 'Semi Bold', 'Bold'].flatMap((style) => [
  { family: 'Inter', style },
  { family: 'Roboto', style },
]);
const STORAGE_LIMIT = 5 * 1024 * 1024;
export const DEV_PLUGIN_ID = 'brandlock-figma-dev';

interface Session {
  pluginId: string;
  handlers: Map<string, Set<(...args: unknown[]) => void>>;
  loadedFonts: Set<string>;
  closed: boolean;
}

/** The file the designer has open: pages, nodes, images, and each plugin id's client storage on this machine. */
function createDocument(options: FakeFigmaOptions) {
  let ids = 1;
  const editorType = options.editorType ?? 'figma';
  const images = createImageStore(options.decodeImage);
  const styles = createStyleStore(images);
  const available = options.fonts ?? DEFAULT_FONTS;
  const fontKey = (f: FontName) => `${f.family}\u0000${f.style}`;
  const storage = new Map<string, Map<string, unknown>>();
  const doc = {
    editorType,
    images,
    styles,
    available,
    fontKey,
    storage: (pluginId: string) => {
      if (!storage.has(pluginId)) storage.set(pluginId, new Map());
      return storage.get(pluginId)!;
    },
    session: null as Session | null,
    currentPage: null as unknown as FakeNode,
    root: null as unknown as FakeNode,
    ctx: null as unknown as FakeContext,
  };
  const mixed = Symbol('figma.mixed');
  doc.ctx = {
    nextId: () => `${ids}:${ids++ + 1}`,
    mixed,
    images,
    styles,
    editorType,
    relaunchCommands: new Set(options.relaunchCommands ?? ['variants', 'palette', 'moodboard']),
    pluginId: () => doc.session?.pluginId ?? DEV_PLUGIN_ID,
    isFontLoaded: (f: FontName) => !!doc.session?.loadedFonts.has(fontKey(f)),
    isFontAvailable: (f: FontName) => available.some((a) => fontKey(a) === fontKey(f)),
    currentPage: () => doc.currentPage,
    emit(event: 'selectionchange' | 'currentpagechange') {
      const session = doc.session;
      setTimeout(() => {
        if (session && !session.closed) session.handlers.get(event)?.forEach((h) => h());
      }, 0);
    },
    layout: (frame: FakeNode) => layoutFrame(frame),
    async exportNode(node: FakeNode, settings: { format?: string; constraint?: { type: string; value: number } }) {
      const c = settings.constraint;
      const scale = !c ? 1 : c.type === 'SCALE' ? c.value : c.type === 'WIDTH' ? c.value / node.width : c.value / node.height;
      const w = node.width * scale;
      const h = node.height * scale;
      if (w * h > 4096 * 4096 * 4) throw new Error(`exportAsync: ${Math.round(w)}x${Math.round(h)} is too large to export`);
      const pixels = await renderNode(node, scale, images);
      const format = settings.format ?? 'PNG';
      if (format === 'PNG') return encodePng(pixels);
      if (format === 'JPG') {
        if (!options.encodeJpeg) throw new Error('fake figma: JPG export needs an encodeJpeg option');
        return options.encodeJpeg(pixels);
      }
      throw new Error(`fake figma: export format ${format} is not rendered by the fake`);
    },
  };
  doc.root = new FakeNode(doc.ctx, 'DOCUMENT');
  doc.root.name = 'Untitled';
  const firstPage = new FakeNode(doc.ctx, 'PAGE');
  doc.root.appendChild(firstPage);
  doc.currentPage = firstPage;
  return doc;
}

export type FakeDocument = ReturnType<typeof createDocument>;

/**
 * Starts the plugin on a new file, or (with `document`) on the file of an earlier run, as when the
 * designer opens the plugin again.
 */
export function createFakeFigma(options: FakeFigmaOptions = {}, existing?: FakeDocument) {
  const doc = existing ?? createDocument(options);
  if (doc.session && !doc.session.closed) throw new Error('fake figma: a plugin is already running on this file; close it first');
  const session: Session = { pluginId: options.pluginId ?? DEV_PLUGIN_ID, handlers: new Map(), loadedFonts: new Set(), closed: false };
  doc.session = session;
  const { ctx, images, fontKey } = doc;
  const storage = doc.storage(session.pluginId);
  const uiHandlers = new Set<(msg: unknown, props: UiMessageProps) => void>();
  const notifications: { message: string; error: boolean }[] = [];
  const toUi: unknown[] = [];
  let uiSink: ((msg: unknown) => void) | null = null;
  let undoCommits = 0;
  let zoomedTo: FakeNode[] = [];
  const shownUi: { html: string; options: Record<string, unknown> }[] = [];
  const resizes: { width: number; height: number }[] = [];
  let onUiResize: ((width: number, height: number) => void) | null = null;
  const figjam = doc.editorType === 'figjam';

  const live = (what: string) => {
    if (session.closed) throw new Error(`The plugin has been closed (${what})`);
  };
  const dynamicPage = (name: string) => () => {
    throw new Error(`Cannot call ${name} with documentAccess: dynamic-page. Use ${name}Async instead.`);
  };
  const create = (type: 'FRAME' | 'RECTANGLE' | 'ELLIPSE' | 'TEXT' | 'SECTION' | 'STICKY') => () => {
    live(`create ${type.toLowerCase()}`);
    if (type === 'STICKY' && !figjam) throw new Error('createSticky: this API is only available in FigJam');
    const n = new FakeNode(ctx, type);
    doc.currentPage.appendChild(n);
    return n;
  };
  const findById = (id: string): FakeNode | null => (doc.root.id === id ? doc.root : doc.root.findOne((n) => n.id === id));
  const handlers = session.handlers;
  const firePluginClose = () => {
    if (session.closed) return;
    handlers.get('close')?.forEach((h) => h());
    session.closed = true;
    uiSink = null;
    if (doc.session === session) doc.session = null;
  };

  const figma = {
    apiVersion: '1.0.0',
    editorType: doc.editorType,
    pluginId: session.pluginId,
    command: options.command ?? '',
    mode: 'default',
    mixed: ctx.mixed,
    root: doc.root,
    get currentPage() {
      return doc.currentPage;
    },
    set currentPage(_p: FakeNode) {
      throw new Error('Cannot set figma.currentPage with documentAccess: dynamic-page. Use figma.setCurrentPageAsync instead.');
    },
    async setCurrentPageAsync(page: FakeNode) {
      live('setCurrentPageAsync');
      if (page.type !== 'PAGE') throw new Error('setCurrentPageAsync expects a page');
      doc.currentPage = page;
      ctx.emit('currentpagechange');
    },
    skipInvisibleInstanceChildren: false,
    getNodeById: dynamicPage('figma.getNodeById'),
    getStyleById: dynamicPage('figma.getStyleById'),
    async getStyleByIdAsync(id: string) {
      live('getStyleByIdAsync');
      return doc.styles.style(String(id));
    },
    createPaintStyle() {
      live('createPaintStyle');
      return doc.styles.createPaintStyle();
    },
    variables: {
      getVariableById: dynamicPage('figma.variables.getVariableById'),
      async getVariableByIdAsync(id: string) {
        live('getVariableByIdAsync');
        return doc.styles.variable(String(id));
      },
      createVariableCollection: (name: string) => doc.styles.createVariableCollection(name),
      createVariable: (name: string, collection: { id: string }, type: string) => doc.styles.createVariable(name, collection, type),
      setBoundVariableForPaint(paint: Record<string, unknown>, field: string, variable: { id: string } | null) {
        if (field !== 'color') throw new Error('setBoundVariableForPaint: only "color" can be bound');
        const { boundVariables: _old, ...rest } = paint;
        if (!variable) return rest;
        return { ...rest, color: doc.styles.resolveColor(variable.id) ?? paint.color, boundVariables: { color: { type: 'VARIABLE_ALIAS', id: variable.id } } };
      },
    },
    getLocalPaintStyles: dynamicPage('figma.getLocalPaintStyles'),
    async getNodeByIdAsync(id: string) {
      live('getNodeByIdAsync');
      return findById(String(id));
    },
    async loadAllPagesAsync() {},
    createFrame: create('FRAME'),
    createRectangle: create('RECTANGLE'),
    createEllipse: create('ELLIPSE'),
    createText: create('TEXT'),
    createSection: create('SECTION'),
    createSticky: create('STICKY'),
    createPage() {
      live('createPage');
      if (figjam) throw new TypeError("figma.createPage: no such property 'createPage' on the figma global object (FigJam files have one page)");
      const p = new FakeNode(ctx, 'PAGE');
      doc.root.appendChild(p);
      return p;
    },
    createImage: (bytes: Uint8Array) => {
      live('createImage');
      return images.create(bytes);
    },
    async createVideoAsync(bytes: Uint8Array) {
      live('createVideoAsync');
      return images.createVideo(bytes, options.plan ?? 'starter');
    },
    async createImageAsync(_src: string) {
      throw new Error('fake figma: createImageAsync would fetch a URL; the plugin fetches in the UI and uses createImage');
    },
    getImageByHash: (hash: string) => images.get(hash),
    async loadFontAsync(font: FontName) {
      live('loadFontAsync');
      if (!ctx.isFontAvailable(font)) throw new Error(`The font "${font.family} ${font.style}" could not be loaded`);
      session.loadedFonts.add(fontKey(font));
    },
    async listAvailableFontsAsync() {
      live('listAvailableFontsAsync');
      return doc.available.map((fontName) => ({ fontName: { ...fontName } }));
    },
    notify(message: string, opts: { error?: boolean } = {}) {
      notifications.push({ message, error: !!opts.error });
      return { cancel() {} };
    },
    commitUndo() {
      undoCommits++;
    },
    viewport: {
      center: { x: 0, y: 0 },
      zoom: 1,
      scrollAndZoomIntoView(nodes: FakeNode[]) {
        zoomedTo = [...nodes];
      },
    },
    clientStorage: {
      async getAsync(key: string) {
        live('clientStorage');
        return storage.has(key) ? structuredClone(storage.get(key)) : undefined;
      },
      async setAsync(key: string, value: unknown) {
        live('clientStorage');
        const next = new Map(storage).set(key, structuredClone(value));
        const size = [...next].reduce((s, [k, v]) => s + k.length + JSON.stringify(v ?? null).length, 0);
        if (size > STORAGE_LIMIT) throw new Error('clientStorage: the 5 MB limit would be exceeded');
        storage.set(key, structuredClone(value));
      },
      async deleteAsync(key: string) {
        storage.delete(key);
      },
      async keysAsync() {
        return [...storage.keys()];
      },
    },
    on(event: string, handler: (...args: unknown[]) => void) {
      if (!handlers.has(event)) handlers.set(event, new Set());
      handlers.get(event)!.add(handler);
    },
    off(event: string, handler: (...args: unknown[]) => void) {
      handlers.get(event)?.delete(handler);
    },
    showUI(html: string, opts: Record<string, unknown> = {}) {
      if (typeof html !== 'string') throw new Error('showUI expects an HTML string');
      shownUi.push({ html, options: opts });
    },
    ui: {
      onmessage: undefined as undefined | ((msg: unknown, props: UiMessageProps) => void),
      postMessage(msg: unknown) {
        live('figma.ui.postMessage');
        const copy = structuredClone(msg);
        toUi.push(copy);
        setTimeout(() => uiSink?.(copy), 0);
      },
      on(event: 'message', handler: (msg: unknown, props: UiMessageProps) => void) {
        if (event === 'message') uiHandlers.add(handler);
      },
      off(event: 'message', handler: (msg: unknown, props: UiMessageProps) => void) {
        if (event === 'message') uiHandlers.delete(handler);
      },
      resize(width: number, height: number) {
        live('figma.ui.resize');
        if (!Number.isFinite(width) || !Number.isFinite(height) || width < 1 || height < 1) throw new Error(`in resize: Expected positive sizes, got ${width} x ${height}`);
        resizes.push({ width: Math.round(width), height: Math.round(height) });
        onUiResize?.(Math.round(width), Math.round(height));
      },
      show() {},
      hide() {},
      close() {},
    },
    closePlugin(message?: string) {
      if (message) notifications.push({ message, error: false });
      firePluginClose();
    },
  };

  /** Test-side controls: the UI end of the message channel, fixtures, and what happened. */
  const host = {
    figma,
    /** The open file: pass it to createFakeFigma to open the plugin again on it. */
    document: doc,
    /** Where main-thread messages go (the iframe in the browser harness, a test bus in vitest). */
    connectUi(sink: (msg: unknown) => void) {
      uiSink = sink;
      for (const m of toUi) setTimeout(() => sink(m), 0);
    },
    /** A message from the UI, as Figma delivers `parent.postMessage({ pluginMessage }, '*')`. */
    sendFromUi(msg: unknown) {
      if (session.closed) return;
      const copy = structuredClone(msg);
      setTimeout(() => {
        if (session.closed) return;
        figma.ui.onmessage?.(copy, { origin: 'null' });
        uiHandlers.forEach((h) => h(copy, { origin: 'null' }));
      }, 0);
    },
    /**
     * The designer closes the plugin window (or Figma closes it): `close` handlers run, then the
     * plugin's code stops: every later call into `figma` throws and no message reaches a window.
     */
    closeByUser() {
      firePluginClose();
    },
    /** Opens the plugin again on the same file (after closing this run), as a designer would. */
    reopen(next: FakeFigmaOptions = {}) {
      firePluginClose();
      return createFakeFigma({ ...options, ...next }, doc);
    },
    /**
     * Restyles a text node as a designer would in Figma's own UI: the font is one the plugin has not
     * loaded (Figma loads it for the editor, not for the plugin).
     */
    restyleText(node: unknown, font: FontName) {
      if (!doc.available.some((a) => fontKey(a) === fontKey(font))) throw new Error(`no font ${font.family} ${font.style} in this fake`);
      const key = fontKey(font);
      const had = session.loadedFonts.has(key);
      session.loadedFonts.add(key);
      (node as TextNode).fontName = font;
      if (!had) session.loadedFonts.delete(key);
    },
    /**
     * Goes to another page as a designer would in Figma's own page list, the plugin open or not: the
     * page of that name, made when the file has none. Fires currentpagechange while a run is open.
     */
    goToPage(name: string) {
      let page = doc.root.children.find((p) => p.name === name);
      if (!page) {
        page = new FakeNode(doc.ctx, 'PAGE');
        page.name = name;
        doc.root.appendChild(page);
      }
      doc.currentPage = page;
      if (!session.closed) ctx.emit('currentpagechange');
      return page;
    },
    /** Selects nodes as a designer would (fires selectionchange). */
    select(nodes: readonly unknown[]) {
      doc.currentPage.selection = nodes as FakeNode[];
    },
    node: findById,
    notifications,
    shownUi,
    /** Every figma.ui.resize the plugin asked for. */
    resizes,
    /** Called when the plugin resizes its window (the harness resizes the iframe, as Figma does). */
    onUiResize(cb: (width: number, height: number) => void) {
      onUiResize = cb;
    },
    get undoCommits() {
      return undoCommits;
    },
    get zoomedTo() {
      return zoomedTo;
    },
    get closed() {
      return session.closed;
    },
    images,
    storage,
  };
  return host;
}

export type FakeFigmaHost = ReturnType<typeof createFakeFigma>;
export type { FakeNode };
