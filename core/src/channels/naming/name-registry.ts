/**
 * Catches two variants that would get the same file name (two SKUs that sanitise alike, a template
 * without {channel}) before anything is written. Names are compared the way case-insensitive file
 * systems (macOS, Windows) compare them, so `A.jpg` and `a.jpg` collide too.
 */

export type NameClaimResult = { success: true } | { success: false; takenBy: string };

export interface NameRegistry {
  /** Reserves a name for `owner` (e.g. 'SKU "A/B", channel pdp'); fails if it is taken. */
  claim(name: string, owner: string): NameClaimResult;
}

/** The key two names collide on. @example fileNameKey('NF_A.jpg') === fileNameKey('nf_a.JPG') // true */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * @example
 * const names = createNameRegistry([['nf_a-b_front.jpg', 'an existing file']]);
 * names.claim('NF_A-B_front.jpg', 'SKU "A/B"') // { success: false, takenBy: 'an existing file' }
 */
export function createNameRegistry(taken: Iterable<readonly [name: string, owner: string]> = []): NameRegistry {
  const owners = new Map<string, string>();
  for (const [name, owner] of taken) owners.set(fileNameKey(name), owner);
  return {
    claim(name, owner) {
      const key = fileNameKey(name);
      const takenBy = owners.get(key);
      if (takenBy !== undefined) return { success: false, takenBy };
      owners.set(key, owner);
      return { success: true };
    },
  };
}
