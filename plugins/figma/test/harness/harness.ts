/**
 * The browser harness for UI tests: the packed main-thread code runs in this page against the fake
 * `figma`, and the packed UI runs in a sandboxed iframe (null origin, like Figma's), with postMessage
 * between them exactly as Figma relays it. Tests drive it through `window.harness`.
 */
import { createFakeFigma, type FakeFigmaHost } from '../fake-figma/fake-figma';
import type { RgbaImage } from '../support/png';
import { themeHtml } from './figma-theme';

interface StartOptions {
  /** The packed code.js and ui.html. */
  code: string;
  html: string;
  command?: string;
  editorType?: 'figma' | 'figjam';
  pluginId?: string;
  theme?: 'light' | 'dark';
  width?: number;
  /** The manifest's network access (allowedDomains + devAllowedDomains): enforced as Figma does, by CSP. */
  network?: string[];
}

async function decodeInBrowser(bytes: Uint8Array): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return { width: bitmap.width, height: bitmap.height, data: new Uint8Array(data.buffer) };
}

async function encodeJpegInBrowser(img: RgbaImage): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(img.width, img.height);
  canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
}

const harness = {
  host: null as FakeFigmaHost | null,
  iframe: null as HTMLIFrameElement | null,
  downloads: [] as { name: string; bytes: number[] }[],
  options: null as StartOptions | null,
  start(options: StartOptions) {
    harness.options = options;
    return harness.launch(createFakeFigma({ command: options.command, editorType: options.editorType, pluginId: options.pluginId, decodeImage: decodeInBrowser, encodeJpeg: encodeJpegInBrowser }));
  },
  /** Runs code.js on the fake and shows its UI in a sandboxed iframe, as Figma does when the plugin opens. */
  launch(host: FakeFigmaHost) {
    const options = harness.options!;
    harness.host = host;
    const g = globalThis as Record<string, unknown>;
    g.figma = host.figma;
    const iframe = document.createElement('iframe');
    iframe.id = 'plugin';
    iframe.setAttribute('sandbox', 'allow-scripts allow-downloads allow-popups');
    const shown = host.shownUi;
    const relay = (e: MessageEvent) => {
      if (e.source === iframe.contentWindow && e.data && typeof e.data === 'object' && 'pluginMessage' in e.data) host.sendFromUi(e.data.pluginMessage);
    };
    window.addEventListener('message', relay);
    harness.detach = () => window.removeEventListener('message', relay);
    host.connectUi((msg) => iframe.contentWindow?.postMessage({ pluginMessage: msg }, '*'));
    g.__html__ = options.html;
    new Function(options.code)();
    const ui = shown[0];
    iframe.style.width = `${options.width ?? (ui.options.width as number)}px`;
    iframe.style.height = `${ui.options.height as number}px`;
    iframe.srcdoc = themeHtml(ui.html, options.theme ?? 'light', options.network);
    host.onUiResize((w, h) => {
      iframe.style.width = `${w}px`;
      iframe.style.height = `${h}px`;
    });
    document.getElementById('window')!.appendChild(iframe);
    harness.iframe = iframe;
    return ui.options;
  },
  detach: () => undefined as void,
  /** The designer closes the plugin: its code stops and its window goes; the file stays open. */
  close() {
    harness.host!.closeByUser();
    harness.detach();
    harness.iframe?.remove();
    harness.iframe = null;
  },
  /** Opens the plugin again on the same file (optionally as another build, with another plugin id). */
  reopen(next: { command?: string; pluginId?: string } = {}) {
    const previous = harness.host!;
    harness.detach();
    harness.iframe?.remove();
    return harness.launch(previous.reopen({ ...next, decodeImage: decodeInBrowser, encodeJpeg: encodeJpegInBrowser }));
  },
  get figma() {
    return harness.host!.figma;
  },
  /** Bytes across page.evaluate as base64: a number array is far slower to serialise. */
  toBase64(bytes: Uint8Array): string {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  },
  fromBase64(b64: string): Uint8Array {
    const s = atob(b64);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  },
  async image(width: number, height: number, draw: string): Promise<Uint8Array> {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    new Function('ctx', 'w', 'h', draw)(ctx, width, height);
    return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  },
};

(globalThis as Record<string, unknown>).harness = harness;
