/**
 * A fake `figma` global for running the plugin's main thread outside Figma: in vitest, in a plain JS
 * context (the packed code.js), and in the browser harness beside the real UI. It covers what the
 * plugin uses, with Figma's documented behaviour where it matters: dynamic-page (sync lookups throw),
 * async lookups, clientStorage (5 MB), createImage limits, loadFontAsync before text edits, frozen
 * paint arrays, auto layout, text that wraps and grows, and exportAsync returning real PNG bytes.
 * It is a test double: it never claims to be Figma, and what it cannot do (font rasterising, JPEG
 * without an injected encoder) fails loudly.
 */
import { createImageStore, type ImageDecoder } from './fake-images';
import { FakeNode } from './fake-node';
import { layoutFrame } from './fake-layout';
import { renderNode } from './fake-render';
import { encodePng, type RgbaImage } from '../support/png';
import type { FontName } from './fake-text';

export interface FakeFigmaOptions {
  editorType?: 'figma' | 'figjam';
  command?: string;
  /** Fonts present on the machine; loadFontAsync rejects others. */
  fonts?: FontName[];
  /** Decodes JPEG/GIF images for rendering (PNG is built in). */
  decodeImage?: ImageDecoder;
  /** Encodes JPG exports; without it a JPG export throws. */
  encodeJpeg?: (img: RgbaImage) => Promise<Uint8Array>;
  relaunchCommands?: string[];
}

export interface UiMessageProps {
  origin: string;
}

const DEFAULT_FONTS: FontName[] = ['Regular', 'Medium', 'Semi Bold', 'Bold'].flatMap((style) => [
  { family: 'Inter', style },
  { family: 'Roboto', style },
]);
const STORAGE_LIMIT = 5 * 1024 * 1024;

export function createFakeFigma(options: FakeFigmaOptions = {}) {
  let ids = 1;
  const mixed = Symbol('figma.mixed');
  const images = createImageStore(options.decodeImage);
  const available = options.fonts ?? DEFAULT_FONTS;
  const loaded = new Set<string>();
  const fontKey = (f: FontName) => `${f.family}\u0000${f.style}`;
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const uiHandlers = new Set<(msg: unknown, props: UiMessageProps) => void>();
  const storage = new Map<string, unknown>();
  const notifications: { message: string; error: boolean }[] = [];
  const toUi: unknown[] = [];
  let uiSink: ((msg: unknown) => void) | null = null;
  let closed = false;
  let undoCommits = 0;
  let zoomedTo: FakeNode[] = [];
  const shownUi: { html: string; options: Record<string, unknown> }[] = [];

  const ctx = {
    nextId: () => `${ids}:${ids++ + 1}`,
    mixed,
    images,
    relaunchCommands: new Set(options.relaunchCommands ?? ['variants', 'palette']),
    isFontLoaded: (f: FontName) => loaded.has(fontKey(f)),
    isFontAvailable: (f: FontName) => available.some((a) => fontKey(a) === fontKey(f)),
    currentPage: () => currentPage,
    emit(event: 'selectionchange' | 'currentpagechange') {
      setTimeout(() => handlers.get(event)?.forEach((h) => h()), 0);
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

  const root = new FakeNode(ctx, 'DOCUMENT');
  root.name = 'Untitled';
  const firstPage = new FakeNode(ctx, 'PAGE');
  root.appendChild(firstPage);
  let currentPage = firstPage;

  const dynamicPage = (name: string) => () => {
    throw new Error(`Cannot call ${name} with documentAccess: dynamic-page. Use ${name}Async instead.`);
  };
  const create = (type: 'FRAME' | 'RECTANGLE' | 'ELLIPSE' | 'TEXT' | 'SECTION') => () => {
    if (closed) throw new Error('The plugin has been closed');
    const n = new FakeNode(ctx, type);
    currentPage.appendChild(n);
    return n;
  };
  const findById = (id: string): FakeNode | null => (root.id === id ? root : root.findOne((n) => n.id === id));

  const figma = {
    apiVersion: '1.0.0',
    editorType: options.editorType ?? 'figma',
    command: options.command ?? '',
    mode: 'default',
    mixed,
    root,
    get currentPage() {
      return currentPage;
    },
    set currentPage(_p: FakeNode) {
      throw new Error('Cannot set figma.currentPage with documentAccess: dynamic-page. Use figma.setCurrentPageAsync instead.');
    },
    async setCurrentPageAsync(page: FakeNode) {
      if (page.type !== 'PAGE') throw new Error('setCurrentPageAsync expects a page');
      currentPage = page;
      ctx.emit('currentpagechange');
    },
    skipInvisibleInstanceChildren: false,
    getNodeById: dynamicPage('figma.getNodeById'),
    getStyleById: dynamicPage('figma.getStyleById'),
    getLocalPaintStyles: dynamicPage('figma.getLocalPaintStyles'),
    async getNodeByIdAsync(id: string) {
      return findById(String(id));
    },
    async loadAllPagesAsync() {},
    createFrame: create('FRAME'),
    createRectangle: create('RECTANGLE'),
    createEllipse: create('ELLIPSE'),
    createText: create('TEXT'),
    createSection: create('SECTION'),
    createPage() {
      const p = new FakeNode(ctx, 'PAGE');
      root.appendChild(p);
      return p;
    },
    createImage: (bytes: Uint8Array) => images.create(bytes),
    async createImageAsync(_src: string) {
      throw new Error('fake figma: createImageAsync would fetch a URL; the plugin fetches in the UI and uses createImage');
    },
    getImageByHash: (hash: string) => images.get(hash),
    async loadFontAsync(font: FontName) {
      if (!ctx.isFontAvailable(font)) throw new Error(`The font "${font.family} ${font.style}" could not be loaded`);
      loaded.add(fontKey(font));
    },
    async listAvailableFontsAsync() {
      return available.map((fontName) => ({ fontName }));
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
        return storage.has(key) ? structuredClone(storage.get(key)) : undefined;
      },
      async setAsync(key: string, value: unknown) {
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
        if (closed) throw new Error('The plugin has been closed');
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
      resize() {},
      show() {},
      hide() {},
      close() {},
    },
    closePlugin(message?: string) {
      closed = true;
      if (message) notifications.push({ message, error: false });
      handlers.get('close')?.forEach((h) => h());
    },
  };

  /** Test-side controls: the UI end of the message channel, fixtures, and what happened. */
  const host = {
    figma,
    /** Where main-thread messages go (the iframe in the browser harness, a test bus in vitest). */
    connectUi(sink: (msg: unknown) => void) {
      uiSink = sink;
      for (const m of toUi) setTimeout(() => sink(m), 0);
    },
    /** A message from the UI, as Figma delivers `parent.postMessage({ pluginMessage }, '*')`. */
    sendFromUi(msg: unknown) {
      const copy = structuredClone(msg);
      setTimeout(() => {
        figma.ui.onmessage?.(copy, { origin: 'null' });
        uiHandlers.forEach((h) => h(copy, { origin: 'null' }));
      }, 0);
    },
    /**
     * Restyles a text node as a designer would in Figma's own UI: the font is one the plugin has not
     * loaded (Figma loads it for the editor, not for the plugin).
     */
    restyleText(node: unknown, font: FontName) {
      if (!available.some((a) => fontKey(a) === fontKey(font))) throw new Error(`no font ${font.family} ${font.style} in this fake`);
      const key = fontKey(font);
      const had = loaded.has(key);
      loaded.add(key);
      (node as TextNode).fontName = font;
      if (!had) loaded.delete(key);
    },
    /** Selects nodes as a designer would (fires selectionchange). */
    select(nodes: readonly unknown[]) {
      currentPage.selection = nodes as FakeNode[];
    },
    node: findById,
    notifications,
    shownUi,
    get undoCommits() {
      return undoCommits;
    },
    get zoomedTo() {
      return zoomedTo;
    },
    get closed() {
      return closed;
    },
    images,
    storage,
  };
  return host;
}

export type FakeFigmaHost = ReturnType<typeof createFakeFigma>;
export type { FakeNode };
