/**
 * Files the panel reads and writes: picked folders, temporary files, outputs. UXP's localFileSystem
 * in the real host (with `localFileSystem: "request"`, so folders come from a picker), memory in the
 * fake. Outputs go to a temporary name and are renamed when complete; the rename never overwrites.
 */
import type { FileRef } from './ps-host';

export interface FolderRef {
  readonly name: string;
  readonly path: string;
}

export interface FileSystemPort {
  /** Shows the folder picker; null when the user cancels it. */
  pickFolder(): Promise<FolderRef | null>;
  /** Shows the file picker for one file with one of these extensions (".cube"); null when cancelled. */
  pickFile(extensions: string[]): Promise<FileRef | null>;
  /** Files directly inside the folder (not subfolders), sorted by name. */
  listFiles(folder: FolderRef): Promise<FileRef[]>;
  /** A subfolder, created when missing. */
  subfolder(folder: FolderRef, name: string): Promise<FolderRef>;
  readFile(file: FileRef): Promise<Uint8Array>;
  /** Writes bytes to a fresh file of that name (in its own folder inside the plugin's temporary folder). */
  writeTempFile(name: string, bytes: Uint8Array): Promise<FileRef>;
  /**
   * Writes bytes to a file of that name in a folder of the plugin's data folder (`plugin-data:`, kept
   * across sessions), once: a file of that name already kept is returned as it is (a job's clip never
   * changes, and a video document open in Photoshop may be reading it). For clips: Photoshop's video
   * layer reads its frames from the file it was opened from, so that file must outlive the panel's
   * temporary files. Written under a partial name and renamed when complete.
   */
  writeKeptFile(folder: string, name: string, bytes: Uint8Array): Promise<FileRef>;
  /** A fresh, empty, uniquely named temporary file inside `folder` to write an output into. */
  createPartialFile(folder: FolderRef, finalName: string): Promise<FileRef>;
  /** Replaces the contents of a file (a partial file made by createPartialFile). */
  writeFile(file: FileRef, bytes: Uint8Array): Promise<void>;
  /** Renames a finished temporary file to its final name; fails with bad-input if the name is taken. */
  commitFile(partial: FileRef, folder: FolderRef, finalName: string): Promise<FileRef>;
  /** Deletes a file (used to clean up partial outputs after an error). */
  removeFile(file: FileRef): Promise<void>;
  exists(folder: FolderRef, name: string): Promise<boolean>;
  /**
   * Keeps a picked folder for later sessions (UXP createPersistentToken, kept in localStorage), so the
   * retoucher picks the delivery or shoot folder once.
   */
  rememberFolder(key: string, folder: FolderRef): Promise<void>;
  /** The remembered folder, or null when there is none or it can no longer be reached (moved, renamed, permissions). */
  recallFolder(key: string): Promise<FolderRef | null>;
  /**
   * Shows the folder in Finder or Explorer (UXP shell.openPath, which needs the manifest's
   * launchProcess permission; Photoshop asks the user to consent). Throws with the reason when refused.
   */
  revealFolder(folder: FolderRef): Promise<void>;
}

/** Small string values: secure storage for the token, plain storage for preferences. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}
