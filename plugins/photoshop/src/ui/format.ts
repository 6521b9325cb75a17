/** Small display formatters shared by the tabs. */

/** "sha256:3f2a9c…e01b" from a full content hash. */
export function shortHash(hash: string): string {
  const m = /^(sha256:)?([0-9a-f]+)$/i.exec(hash);
  if (!m || m[2].length <= 12) return hash;
  return `${m[1] ?? ''}${m[2].slice(0, 6)}…${m[2].slice(-4)}`;
}

/** A signed number with a fixed number of decimals: "+0.42", "−1.10". */
export function signed(value: number, decimals = 2): string {
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 ? `−${text}` : `+${text}`;
}

/** "840 KB", "2.31 MB" */
export function formatBytes(bytes: number): string {
  return bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} KB` : `${(bytes / 1e6).toFixed(2)} MB`;
}
