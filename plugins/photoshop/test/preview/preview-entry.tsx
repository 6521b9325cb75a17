/**
 * The panel in a Chromium page, for screenshots and UI tests: the real App against the fake
 * Photoshop, with stand-ins for the Spectrum widgets. The test calls window.brandlockPreview.mount.
 */
import { render } from 'preact';
import { App } from '../../src/ui/app';
import type { TabId } from '../../src/ui/tab-props';
import type { PanelServices } from '../../src/ui/panel-services';
import type { BrandlockServer } from '../../src/ports/brandlock-server';
import { FakeFileSystem, FakeKeyValueStore } from '../../src/fake-host/fake-file-system';
import { FakePhotoshop } from '../../src/fake-host/fake-photoshop';
import { studioImage, type StudioImageOptions } from '../support/studio-image';
import { browserCodecs } from './browser-codecs';
import { defineSpectrumStandIns, pickDropdownItem } from './spectrum-standins';

export interface PreviewOptions {
  theme: 'darkest' | 'lightest';
  tab: TabId;
  documents: ({ title: string; mode?: 'RGB' | 'CMYK'; bitsPerChannel?: 8 | 16 | 32 } & StudioImageOptions)[];
  allowedOrigins: string[];
  savedServerUrl?: string;
}

defineSpectrumStandIns();

const preview = {
  ps: null as FakePhotoshop | null,
  fs: null as FakeFileSystem | null,
  services: null as PanelServices | null,
  pickDropdownItem,
  mount(options: PreviewOptions, openSession: (url: string, token: string) => Promise<BrandlockServer>) {
    document.documentElement.dataset.theme = options.theme;
    const fs = new FakeFileSystem();
    const ps = new FakePhotoshop(fs, browserCodecs);
    for (const d of options.documents) {
      ps.addDocument({ title: d.title, pixels: studioImage(d), mode: d.mode, bitsPerChannel: d.bitsPerChannel });
    }
    const settings = new FakeKeyValueStore();
    if (options.savedServerUrl) settings.values.set('brandlock.serverUrl', options.savedServerUrl);
    const services: PanelServices = {
      ps, files: fs, secrets: new FakeKeyValueStore(), settings, openSession, allowedOrigins: options.allowedOrigins, pluginVersion: '0.1.0',
    };
    Object.assign(preview, { ps, fs, services });
    const root = document.getElementById('root')!;
    render(null, root);
    render(<App services={services} initialTab={options.tab} />, root);
  },
};

(window as unknown as { brandlockPreview: typeof preview }).brandlockPreview = preview;
