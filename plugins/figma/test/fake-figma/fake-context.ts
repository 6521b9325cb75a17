/** What every fake node can reach: ids, fonts, images, events, layout, rendering, and the running plugin. */
import type { ImageStore } from './fake-images';
import type { StyleStore } from './fake-styles';
import type { FontName } from './fake-text';
import type { FakeNode } from './fake-node';

export interface FakeContext {
  nextId(): string;
  readonly mixed: symbol;
  readonly images: ImageStore;
  readonly styles: StyleStore;
  readonly relaunchCommands: Set<string>;
  /** 'figma' or 'figjam': some APIs exist in one editor only. */
  readonly editorType: 'figma' | 'figjam';
  /** The id of the plugin running now: private plugin data is keyed by it, as in Figma. */
  pluginId(): string;
  isFontLoaded(font: FontName): boolean;
  isFontAvailable(font: FontName): boolean;
  currentPage(): FakeNode;
  emit(event: 'selectionchange' | 'currentpagechange'): void;
  layout(frame: FakeNode): void;
  exportNode(node: FakeNode, settings: { format?: string; constraint?: { type: string; value: number } }): Promise<Uint8Array>;
}
