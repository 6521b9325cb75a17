/**
 * Where bytes live: uploads, provider results, variants, addressed by their SHA-256. One interface,
 * so a folder (the default) and an S3-compatible store are interchangeable.
 */

export interface BlobStore {
  /** Stores bytes under their SHA-256; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }>;
  /** The bytes, or null when nothing is stored under that hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Throws unless the string is a lower-case hex SHA-256 (the only names a store accepts). */
export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new TypeError(`not a sha256: ${JSON.stringify(sha256.slice(0, 80))}`);
}
