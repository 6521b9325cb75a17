/**
 * A QC verdict for a file a folder batch opened, kept beside it in an XMP sidecar instead of in the
 * file (the originals are not changed): `<name>.xmp` with the same base name, as XMP Part 3 names
 * sidecars and Bridge and Lightroom read them. A sidecar already there (Lightroom's develop
 * settings) keeps everything it holds; only brandlock's properties are set. Two images of one base
 * name in the folder (`a.jpg`, `a.tif`) would share a sidecar, so the second is refused.
 */
import type { FileSystemPort, FolderRef } from '../../ports/file-system';
import { PanelError } from '../../errors/panel-error';
import { writeBrandlockXmp, type XmpProperties } from '../../xmp/brandlock-xmp';

export function sidecarName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.xmp`;
}

/** Writes the sidecar; `written` holds the sidecars this batch wrote (by name), to catch a shared one. */
export async function writeXmpSidecar(files: FileSystemPort, folder: FolderRef, fileName: string, props: XmpProperties, written: Map<string, string>): Promise<string> {
  const name = sidecarName(fileName);
  const other = written.get(name);
  if (other) throw new PanelError('bad-input', `${name} already holds the verdict of ${other}; ${fileName} has the same base name, so its verdict was not written. Rename one of them.`);
  const existing = (await files.listFiles(folder)).find((f) => f.name === name) ?? null;
  const before = existing ? new TextDecoder().decode(await files.readFile(existing)) : '';
  const partial = await files.createPartialFile(folder, name);
  try {
    await files.writeFile(partial, new TextEncoder().encode(writeBrandlockXmp(before, props)));
    // The rename never overwrites: the old sidecar goes once the merged one is complete beside it.
    if (existing) await files.removeFile(existing);
    await files.commitFile(partial, folder, name);
  } catch (e) {
    await files.removeFile(partial);
    throw e;
  }
  written.set(name, fileName);
  return name;
}
