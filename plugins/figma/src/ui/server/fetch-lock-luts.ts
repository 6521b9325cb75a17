/**
 * The .cube files of a lock's LUTs from the server (an admin uploads them with `PUT /v1/luts`; the
 * server serves those the lock pins by SHA-256). Each is checked against its pin; a LUT the server
 * does not hold is left out, and the LUT tab asks for the file instead.
 */
import type { BrandlockClient } from '@brandlock/core/api';
import type { LutRef } from '@brandlock/core/brand';
import { sha256Hex } from '@brandlock/core/hash';

export interface ServerLuts {
  cubes: Record<string, string>;
  /** LUTs the server sent with other content than the lock pins (not used). */
  mismatched: string[];
}

export async function fetchLockLuts(client: BrandlockClient, lockVersion: string, luts: readonly LutRef[]): Promise<ServerLuts> {
  const out: ServerLuts = { cubes: {}, mismatched: [] };
  await Promise.all(
    luts.filter((l) => l.sha256).map(async (lut) => {
      let text: string;
      try {
        text = await client.locks.lut(lockVersion, lut.id);
      } catch {
        return; // not uploaded, or unreachable just now: the designer can open the file instead
      }
      if (sha256Hex(new TextEncoder().encode(text)) !== lut.sha256) out.mismatched.push(lut.id);
      else out.cubes[lut.id] = text;
    }),
  );
  return out;
}
