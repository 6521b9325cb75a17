/**
 * The slice of the `uxp` module the plugin uses, typed narrowly here: the published typings for
 * `uxp` omit `storage.localFileSystem` and `entrypoints` and clash with the DOM library, so the host
 * states exactly what it relies on and nothing else.
 */
import * as uxpModule from 'uxp';

export interface UxpEntry {
  name: string;
  nativePath: string;
  isFile: boolean;
  isFolder: boolean;
  delete(): Promise<void>;
}

export interface UxpFile extends UxpEntry {
  read(options: { format: unknown }): Promise<ArrayBuffer | string>;
  write(data: ArrayBuffer | string, options: { format: unknown }): Promise<number>;
  moveTo(folder: UxpFolder, options: { newName?: string; overwrite?: boolean }): Promise<void>;
}

export interface UxpFolder extends UxpEntry {
  getEntries(): Promise<UxpEntry[]>;
  getEntry(name: string): Promise<UxpEntry>;
  createFile(name: string, options?: { overwrite?: boolean }): Promise<UxpFile>;
  createFolder(name: string): Promise<UxpFolder>;
}

export interface UxpApi {
  storage: {
    localFileSystem: {
      getFolder(): Promise<UxpFolder | null>;
      getFileForOpening(options: { types: string[]; allowMultiple: false }): Promise<UxpFile | null>;
      getTemporaryFolder(): Promise<UxpFolder>;
      getDataFolder(): Promise<UxpFolder>;
      createSessionToken(entry: UxpEntry): string;
      createPersistentToken(entry: UxpEntry): Promise<string>;
      getEntryForPersistentToken(token: string): Promise<UxpEntry>;
    };
    formats: { binary: unknown; utf8: unknown };
    secureStorage: {
      getItem(key: string): Promise<Uint8Array | null>;
      setItem(key: string, value: string): Promise<void>;
      removeItem(key: string): Promise<void>;
    };
  };
  entrypoints: {
    setup(config: {
      panels: Record<string, { create?(root: HTMLElement): void; show?(root: HTMLElement): void; hide?(root: HTMLElement): void; destroy?(): void }>;
      commands: Record<string, () => unknown>;
    }): void;
  };
  host: { name: string; version: string };
  /** Needs the manifest's launchProcess permission; resolves with "" or with why it did not open. */
  shell: { openPath(path: string, developerText?: string): Promise<string> };
}

export const uxp = uxpModule as unknown as UxpApi;
