/**
 * The SKU a file name carries. With the brief's SKUs known, the longest one found in the name
 * (case-insensitive, as a whole token); without, a product-code-like token ("NF-JR-3001",
 * "AB12345"), which a person confirms.
 */

const CODE = /(?:^|[^A-Za-z0-9])([A-Z]{1,5}[-_]?[A-Z0-9]{0,6}[-_]?\d{3,8})(?=$|[^A-Za-z0-9])/;

/**
 * @example findSku('NF-JR-3001_front_flat.jpg', ['NF-JR-3001']) // 'NF-JR-3001'
 */
export function findSku(fileName: string, known: readonly string[] = []): string | null {
  const lower = fileName.toLowerCase();
  const hits = known.filter((sku) => {
    const at = lower.indexOf(sku.toLowerCase());
    if (at < 0) return false;
    const before = lower[at - 1];
    const after = lower[at + sku.length];
    return (!before || !/[a-z0-9]/.test(before)) && (!after || !/[a-z0-9]/.test(after));
  });
  if (hits.length) return hits.sort((a, b) => b.length - a.length)[0];
  if (known.length) return null;
  return CODE.exec(fileName.replace(/\.[a-z0-9]+$/i, ''))?.[1] ?? null;
}
