/**
 * Gets the .cube text of a lock LUT. The server API serves the resolved lock but not its LUT files
 * yet, so the retoucher picks the file the lock names once (its name must match, and its SHA-256 the
 * one the lock pins when it pins one), and the text is kept in the panel's settings for next time and
 * for the menu command.
 */
import type { LutRef } from '@brandlock/core/brand';
import { sha256Hex } from '@brandlock/core/hash';
import type { PanelServices } from '../../ui/panel-services';
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
