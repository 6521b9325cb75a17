/**
 * The panel in a Chromium page, for screenshots and UI tests: the real App against the fake
 * Photoshop and the real brandlock server (through core's API client, as in Photoshop), with
 * stand-ins for the Spectrum widgets. The test calls window.brandlockPreview.mount.
 */
import '../../src/no-code-generation';
import { render } from 'preact';
import { App } from '../../src/ui/app';
import type { TabId } from '../../src/ui/tab-props';
import type { PanelServices } from '../../src/ui/panel-services';
import { FakeFileSystem, FakeKeyValueStore } from '../../src/fake-host/fake-file-system';
import { FakePhotoshop } from '../../src/fake-host/fake-photoshop';
import { openBrandlockSession } from '../../src/server/open-session';
import { SERVER_URL_KEY, TOKEN_KEY } from '../../src/flows/settings-keys';
import { studioImage, type StudioImageOptions } from '../support/studio-image';
import { browserCodecs } from './browser-codecs';
import { writeBrandlockXmp } from '../../src/xmp/brandlock-xmp';
import { qcPixelsOf } from '../../src/flows/qc/qc-pixels';
import { defineSpectrumStandIns, pickDropdownItem } from './spectrum-standins';

export interface PreviewOptions {
  theme: 'darkest' | 'lightest';
  tab: TabId;
  /** Opened in this order; the last is the active one unless `active` names another. */
  documents: ({ title: string; mode?: 'RGB' | 'CMYK'; bitsPerChannel?: 8 | 16 | 32; xmp?: Record<string, string> } & StudioImageOptions)[];
  active?: string;
  allowedOrigins: string[];
  serverUrl?: string;
  /** A saved token: the panel reconnects with it when it opens. */
  token?: string;
  /** Text files in the fake file system, and what the pickers answer. */
  files?: { path: string; text: string }[];
  pickedFile?: string;
  pickedFolder?: string;
}

defineSpectrumStandIns();

/** Whether this page lets scripts generate code from strings (the preview runs under a CSP that does not, like UXP). */
function codeGenerationAllowed(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

const preview = {
  ps: null as FakePhotoshop | null,
  fs: null as FakeFileSystem | null,
  pickDropdownItem,
  release: null as (() => void) | null,
  /** Makes the next Photoshop modal scopes wait until `release()`: a run caught in the middle, for a screenshot. */
  holdPhotoshop() {
    const ps = preview.ps!;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const real = FakePhotoshop.prototype.executeAsModal;
    ps.executeAsModal = async function <T>(this: FakePhotoshop, name: string, fn: Parameters<typeof real>[1]) {
      await gate;
      return real.call(this, name, fn) as Promise<T>;
    } as typeof ps.executeAsModal;
    preview.release = () => {
      open();
      ps.executeAsModal = real;
    };
  },
  /** Sets brandlock XMP properties on an open document, as another session's QC would have. */
  async setXmp([title, props]: [string, Record<string, string>]) {
    const doc = preview.ps!.docs.find((d) => d.title === title)!;
    doc.xmp = writeBrandlockXmp(doc.xmp, await asQcRecords(preview.ps!, doc.id, props));
  },
  /** The retoucher clicks another document's tab in Photoshop. */
  activate(title: string) {
    const doc = preview.ps!.docs.find((d) => d.title === title);
    if (!doc) throw new Error(`no document "${title}"`);
    preview.ps!.activeId = doc.id;
  },
  codeGenerationAllowed: codeGenerationAllowed(),
  async mount(options: PreviewOptions) {
    document.documentElement.dataset.theme = options.theme;
    const fs = new FakeFileSystem();
    for (const f of options.files ?? []) fs.put(f.path, new TextEncoder().encode(f.text));
    if (options.pickedFile) fs.nextPickedFile = FakeFileSystem.file(options.pickedFile);
    if (options.pickedFolder) fs.nextPickedFolder = FakeFileSystem.folder(options.pickedFolder);
    const ps = new FakePhotoshop(fs, browserCodecs);
    for (const d of options.documents) {
      const doc = ps.addDocument({ title: d.title, pixels: studioImage(d), mode: d.mode, bitsPerChannel: d.bitsPerChannel });
      if (d.xmp) doc.xmp = writeBrandlockXmp('', await asQcRecords(ps, doc.id, d.xmp));
    }
    const active = options.active ? ps.docs.find((d) => d.title === options.active) : null;
    if (active) ps.activeId = active.id;
    const settings = new FakeKeyValueStore();
    const secrets = new FakeKeyValueStore();
    if (options.serverUrl) settings.values.set(SERVER_URL_KEY, options.serverUrl);
    if (options.token) secrets.values.set(TOKEN_KEY, options.token);
    const services: PanelServices = {
      ps, files: fs, secrets, settings, openSession: (url, token) => openBrandlockSession(url, token), allowedOrigins: options.allowedOrigins, pluginVersion: '0.1.0',
    };
    Object.assign(preview, { ps, fs });
    const root = document.getElementById('root')!;
    render(null, root);
    render(<App services={services} initialTab={options.tab} />, root);
  },
};

/** A verdict as QC writes it: with the fingerprint of the pixels it judged (Export compares it). */
async function asQcRecords(ps: FakePhotoshop, documentId: number, props: Record<string, string>): Promise<Record<string, string>> {
  if (!props.qcVerdict || props.qcPixels) return props;
  const doc = (await ps.documents()).find((d) => d.id === documentId)!;
  return { ...props, qcPixels: await qcPixelsOf(ps, doc) };
}

(window as unknown as { brandlockPreview: typeof preview }).brandlockPreview = preview;
