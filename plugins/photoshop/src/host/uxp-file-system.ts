/**
 * Files through UXP's localFileSystem ("request" permission: folders come from the picker, plus the
 * plugin's temporary folder). FileRefs handed to the rest of the plugin carry a path for display;
 * the UXP entries stay here, keyed by that path.
 */
import type { FileRef } from '../ports/ps-host';
import type { FileSystemPort, FolderRef, KeyValueStore } from '../ports/file-system';
import { PanelError } from '../errors/panel-error';
import { uxp, type UxpEntry, type UxpFile, type UxpFolder } from './uxp-api';

export class UxpFileSystem implements FileSystemPort {
  private entries = new Map<string, UxpEntry>();
  private counter = 0;
  /** The folder writeTempFile made for each temporary file, by the file's path. */
  private tempFolders = new Map<string, UxpFolder>();

  private remember<T extends UxpEntry>(entry: T): T {
    this.entries.set(entry.nativePath, entry);
    return entry;
  }

  private ref(entry: UxpEntry): FileRef & FolderRef {
    this.remember(entry);
    return { name: entry.name, path: entry.nativePath };
  }

  entryOf(ref: FileRef | FolderRef): any {
    const entry = this.entries.get(ref.path);
    if (!entry) throw new PanelError('bad-input', `brandlock has no access to "${ref.path}"; pick its folder again.`);
    return entry;
  }

  async pickFile(extensions: string[]) {
    const file = await uxp.storage.localFileSystem.getFileForOpening({ types: extensions.map((e) => e.replace(/^\./, '')), allowMultiple: false });
    return file ? this.ref(file) : null;
  }

  async pickFolder() {
    const folder = await uxp.storage.localFileSystem.getFolder();
    return folder ? this.ref(folder) : null;
  }

  async listFiles(folder: FolderRef) {
    const entries = await (this.entryOf(folder) as UxpFolder).getEntries();
    return entries.filter((e) => e.isFile).sort((a, b) => a.name.localeCompare(b.name)).map((e) => this.ref(e));
  }

  async subfolder(folder: FolderRef, name: string) {
    const parent = this.entryOf(folder) as UxpFolder;
    try {
      const existing = await parent.getEntry(name);
      if (existing.isFolder) return this.ref(existing);
    } catch {
      // missing: create it below
    }
    return this.ref(await parent.createFolder(name));
  }

  async readFile(file: FileRef) {
    const data = await (this.entryOf(file) as UxpFile).read({ format: uxp.storage.formats.binary });
    return new Uint8Array(data as ArrayBuffer);
  }

  async writeTempFile(name: string, bytes: Uint8Array) {
    // A fresh subfolder keeps the name as given (a document opened from it is titled by it) and unique.
    const temp = await uxp.storage.localFileSystem.getTemporaryFolder();
    const folder = await temp.createFolder(`brandlock-${Date.now()}-${++this.counter}`);
    const file = await folder.createFile(name, { overwrite: true });
    await file.write(bytes.slice().buffer, { format: uxp.storage.formats.binary });
    const ref = this.ref(file);
    this.tempFolders.set(ref.path, folder);
    return ref;
  }

  async writeKeptFile(folderName: string, name: string, bytes: Uint8Array) {
    const data = await uxp.storage.localFileSystem.getDataFolder();
    let folder: UxpFolder;
    try {
      folder = (await data.getEntry(folderName)) as UxpFolder;
    } catch {
      folder = await data.createFolder(folderName);
    }
    try {
      const existing = await folder.getEntry(name);
      if (existing.isFile) return this.ref(existing);
    } catch {
      // not kept yet: written below
    }
    // Written under a partial name and renamed when complete, so a kept file is never a torn one.
    const partial = await folder.createFile(`.${name}.part-${Date.now()}-${++this.counter}`, { overwrite: true });
    await partial.write(bytes.slice().buffer, { format: uxp.storage.formats.binary });
    await partial.moveTo(folder, { newName: name, overwrite: false });
    return this.ref(await folder.getEntry(name));
  }

  async createPartialFile(folder: FolderRef, finalName: string) {
    // The real extension stays last: Photoshop's save commands may force the format's extension.
    const dot = finalName.lastIndexOf('.');
    const [base, ext] = dot > 0 ? [finalName.slice(0, dot), finalName.slice(dot)] : [finalName, ''];
    const file = await (this.entryOf(folder) as UxpFolder).createFile(`.${base}.part-${Date.now()}-${++this.counter}${ext}`, { overwrite: false });
    return this.ref(file);
  }

  async writeFile(file: FileRef, bytes: Uint8Array) {
    await (this.entryOf(file) as UxpFile).write(bytes.slice().buffer, { format: uxp.storage.formats.binary });
  }

  async commitFile(partial: FileRef, folder: FolderRef, finalName: string) {
    if (await this.exists(folder, finalName)) {
      throw new PanelError('bad-input', `"${finalName}" already exists in ${folder.name}; brandlock never overwrites a delivered file.`, 'Move or rename the existing file, or pick another folder.');
    }
    const file = this.entryOf(partial) as UxpFile;
    await file.moveTo(this.entryOf(folder), { newName: finalName, overwrite: false });
    this.entries.delete(partial.path);
    const moved = await (this.entryOf(folder) as UxpFolder).getEntry(finalName);
    return this.ref(moved);
  }

  async removeFile(file: FileRef) {
    await (this.entryOf(file) as UxpFile).delete().catch(() => undefined);
    this.entries.delete(file.path);
    // A temporary file's own folder (made for it by writeTempFile, now empty) goes with it.
    const folder = this.tempFolders.get(file.path);
    this.tempFolders.delete(file.path);
    await folder?.delete().catch(() => undefined);
  }

  async rememberFolder(key: string, folder: FolderRef) {
    const token = await uxp.storage.localFileSystem.createPersistentToken(this.entryOf(folder));
    window.localStorage.setItem(`${key}.token`, token);
  }

  /** getEntryForPersistentToken may return an entry that no longer works; it is tried before it is trusted. */
  async recallFolder(key: string) {
    const token = window.localStorage.getItem(`${key}.token`);
    if (!token) return null;
    try {
      const entry = await uxp.storage.localFileSystem.getEntryForPersistentToken(token);
      if (!entry.isFolder) throw new Error('not a folder');
      await (entry as UxpFolder).getEntries();
      return this.ref(entry);
    } catch {
      window.localStorage.removeItem(`${key}.token`);
      return null;
    }
  }

  /** shell.openPath resolves with "" or with the reason it did not open (user refused consent, no access). */
  async revealFolder(folder: FolderRef) {
    const said = await uxp.shell.openPath(folder.path, 'brandlock shows the folder it wrote the files to.');
    if (said) throw new PanelError('host-command-failed', `Photoshop did not open ${folder.path}: ${said}`, 'Open it yourself; the path is shown above.');
  }

  async exists(folder: FolderRef, name: string) {
    try {
      await (this.entryOf(folder) as UxpFolder).getEntry(name);
      return true;
    } catch {
      return false;
    }
  }
}

/** The token store: UXP secureStorage (encrypted per user and plugin). */
export const uxpSecureStore: KeyValueStore = {
  async get(key) {
    const value = await uxp.storage.secureStorage.getItem(key);
    return value ? new TextDecoder().decode(value) : null;
  },
  set: (key, value) => uxp.storage.secureStorage.setItem(key, value),
  remove: (key) => uxp.storage.secureStorage.removeItem(key),
};

/** Plain preferences: the panel's localStorage. */
export const uxpSettingsStore: KeyValueStore = {
  get: async (key) => window.localStorage.getItem(key),
  set: async (key, value) => window.localStorage.setItem(key, value),
  remove: async (key) => window.localStorage.removeItem(key),
};
