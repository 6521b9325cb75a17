/**
 * Files and key-value stores in memory, for the fake host: a flat map of paths to bytes, a folder
 * picker whose answer the test (or preview) sets beforehand, and plain maps standing in for UXP's
 * secureStorage and localStorage.
 */
import type { FileRef } from '../ports/ps-host';
import type { FileSystemPort, FolderRef, KeyValueStore } from '../ports/file-system';
import { PanelError } from '../errors/panel-error';

const TEMP = '/plugin-temp';

export class FakeFileSystem implements FileSystemPort {
  readonly files = new Map<string, Uint8Array>();
  /** What the next pickFolder returns; null acts like the user pressing Cancel. */
  nextPickedFolder: FolderRef | null = null;
  private counter = 0;

  static folder(path: string): FolderRef {
    return { name: path.split('/').filter(Boolean).pop() ?? path, path };
  }

  static file(path: string): FileRef {
    return { name: path.split('/').pop() ?? path, path };
  }

  put(path: string, bytes: Uint8Array): FileRef {
    this.files.set(path, bytes);
    return FakeFileSystem.file(path);
  }

  /** What the next pickFile returns; null acts like the user pressing Cancel. */
  nextPickedFile: FileRef | null = null;

  async pickFile(): Promise<FileRef | null> {
    return this.nextPickedFile;
  }

  async pickFolder(): Promise<FolderRef | null> {
    return this.nextPickedFolder;
  }

  async listFiles(folder: FolderRef): Promise<FileRef[]> {
    const prefix = `${folder.path}/`;
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
      .sort()
      .map((p) => FakeFileSystem.file(p));
  }

  async subfolder(folder: FolderRef, name: string): Promise<FolderRef> {
    return FakeFileSystem.folder(`${folder.path}/${name}`);
  }

  async readFile(file: FileRef): Promise<Uint8Array> {
    const bytes = this.files.get(file.path);
    if (!bytes) throw new PanelError('bad-input', `The file "${file.path}" does not exist.`);
    return bytes;
  }

  async writeTempFile(name: string, bytes: Uint8Array): Promise<FileRef> {
    return this.put(`${TEMP}/${++this.counter}/${name}`, bytes);
  }

  async writeKeptFile(folder: string, name: string, bytes: Uint8Array): Promise<FileRef> {
    const path = `/plugin-data/${folder}/${name}`;
    return this.files.has(path) ? FakeFileSystem.file(path) : this.put(path, bytes);
  }

  async createPartialFile(folder: FolderRef, finalName: string): Promise<FileRef> {
    const dot = finalName.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [finalName.slice(0, dot), finalName.slice(dot)] : [finalName, ''];
    return this.put(`${folder.path}/.${base}.part-${++this.counter}${ext}`, new Uint8Array(0));
  }

  async writeFile(file: FileRef, bytes: Uint8Array): Promise<void> {
    this.files.set(file.path, bytes);
  }

  async commitFile(partial: FileRef, folder: FolderRef, finalName: string): Promise<FileRef> {
    const target = `${folder.path}/${finalName}`;
    if (this.files.has(target)) {
      throw new PanelError('bad-input', `"${finalName}" already exists in ${folder.path}; brandlock never overwrites a delivered file.`, 'Move or rename the existing file, or pick another folder.');
    }
    const bytes = await this.readFile(partial);
    this.files.delete(partial.path);
    return this.put(target, bytes);
  }

  async removeFile(file: FileRef): Promise<void> {
    this.files.delete(file.path);
  }

  async exists(folder: FolderRef, name: string): Promise<boolean> {
    return this.files.has(`${folder.path}/${name}`);
  }

  /** Persistent tokens by key, as UXP keeps them across sessions (the panel's localStorage). */
  readonly persistentTokens = new Map<string, string>();
  /** Folders moved or deleted since their token was made: the token no longer resolves. */
  readonly goneFolders = new Set<string>();
  /** Folders shown in Finder/Explorer, in order. */
  readonly revealed: string[] = [];
  /** What shell.openPath answers when the user refuses consent (it resolves with an error string). */
  revealRefusal: string | null = null;

  async rememberFolder(key: string, folder: FolderRef): Promise<void> {
    this.persistentTokens.set(key, folder.path);
  }

  async recallFolder(key: string): Promise<FolderRef | null> {
    const path = this.persistentTokens.get(key);
    if (!path || this.goneFolders.has(path)) {
      this.persistentTokens.delete(key);
      return null;
    }
    return FakeFileSystem.folder(path);
  }

  async revealFolder(folder: FolderRef): Promise<void> {
    if (this.revealRefusal) throw new PanelError('host-command-failed', `Photoshop did not open ${folder.path}: ${this.revealRefusal}`, 'Open it yourself; the path is shown above.');
    this.revealed.push(folder.path);
  }
}

export class FakeKeyValueStore implements KeyValueStore {
  readonly values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async remove(key: string): Promise<void> {
    this.values.delete(key);
  }
}
