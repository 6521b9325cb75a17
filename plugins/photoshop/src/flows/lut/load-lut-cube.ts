/**
 * Gets the .cube text of a lock LUT: from the panel's settings when it was loaded before for this
 * lock version, else from the server (which serves the LUT files an admin uploaded with
 * `PUT /v1/luts`, the ones the lock pins), else the retoucher picks the file the lock names once (its
 * name must match, and its SHA-256 the one the lock pins when it pins one). The text is kept in the
 * panel's settings for next time and for the menu command.
 */
import type { LutRef } from '@brandlock/core/brand';
import { sha256Hex } from '@brandlock/core/hash';
import type { PanelServices } from '../../ui/panel-services';
import type { BrandlockServer } from '../../ports/brandlock-server';
import { PanelError, cancelledError } from '../../errors/panel-error';

export const lutCacheKey = (ref: LutRef, lockHash: string) => `brandlock.lut.${lockHash}.${ref.id}`;

export function lutFileName(ref: LutRef): string {
  return ref.file.split('/').pop() ?? ref.file;
}

export async function cachedLutCube(services: Pick<PanelServices, 'settings'>, ref: LutRef, lockHash: string): Promise<string | null> {
  return services.settings.get(lutCacheKey(ref, lockHash));
}

export async function pickLutCube(services: Pick<PanelServices, 'files' | 'settings'>, ref: LutRef, lockHash: string): Promise<string> {
  const file = await services.files.pickFile(['.cube']);
  if (!file) throw cancelledError('Choosing the LUT file');
  const expected = lutFileName(ref);
  if (file.name.toLowerCase() !== expected.toLowerCase()) {
    throw new PanelError('bad-input', `You picked "${file.name}", but the lock's ${ref.name} is "${expected}".`, `Pick ${ref.file} from the brand's lock folder.`);
  }
  const bytes = await services.files.readFile(file);
  if (ref.sha256 && sha256Hex(bytes) !== ref.sha256) {
    throw new PanelError(
      'bad-input',
      `"${file.name}" is not the ${ref.name} this lock pins: its SHA-256 is ${sha256Hex(bytes).slice(0, 12)}…, the lock's is ${ref.sha256.slice(0, 12)}….`,
      'Pick the file from the lock version the server uses, or ask your admin which grade is current.',
    );
  }
  const text = new TextDecoder().decode(bytes);
  await services.settings.set(lutCacheKey(ref, lockHash), text);
  return text;
}

/**
 * The LUT from the server, checked against the lock's pin and kept for next time; null when the
 * server holds no file for it (nothing was uploaded, or the lock does not pin the LUT).
 */
export async function serverLutCube(
  services: Pick<PanelServices, 'settings'>, session: Pick<BrandlockServer, 'lutCube'>, ref: LutRef, lockHash: string,
): Promise<string | null> {
  const text = await session.lutCube(ref.id);
  if (text === null) return null;
  const digest = sha256Hex(new TextEncoder().encode(text));
  if (ref.sha256 && digest !== ref.sha256) {
    throw new PanelError(
      'server-error',
      `The server sent a ${ref.name} whose SHA-256 (${digest.slice(0, 12)}…) is not the one the lock pins (${ref.sha256.slice(0, 12)}…).`,
      'Ask your brandlock admin to upload the LUT file of this lock version again (PUT /v1/luts).',
    );
  }
  await services.settings.set(lutCacheKey(ref, lockHash), text);
  return text;
}

/** Cached, else from the server, else picked by the retoucher. */
export async function loadLutCube(
  services: Pick<PanelServices, 'files' | 'settings'>, session: Pick<BrandlockServer, 'lutCube'>, ref: LutRef, lockHash: string,
): Promise<string> {
  return (await cachedLutCube(services, ref, lockHash))
    ?? (await serverLutCube(services, session, ref, lockHash))
    ?? (await pickLutCube(services, ref, lockHash));
}
