/** Pantone-style codes inside swatch names: "PANTONE 19-4052 TCX Classic Blue", "Pantone 186 C". */

const FHI = /\b(\d{2}-\d{4})\s*(TCX|TPX|TPG|TSX|TN|TPM)\b/i;
const PMS = /\bPANTONE\s+((?:P\s+)?\d{2,4}(?:-\d{1,2})?\s*(?:C|U|M|CP|UP|XGC)?|[A-Za-z]+(?: [A-Za-z]+)? (?:C|U))\b/i;

/**
 * Splits a Pantone-style code off a swatch name.
 * @example splitPantone('PANTONE 19-4052 TCX Classic Blue') // { code: '19-4052 TCX', name: 'Classic Blue' }
 */
export function splitPantone(text: string): { code?: string; name: string } {
  const fhi = FHI.exec(text);
  if (fhi) {
    const code = `${fhi[1]} ${fhi[2].toUpperCase()}`;
    const name = text.replace(fhi[0], ' ').replace(/\bPANTONE\b/i, ' ').replace(/\s+/g, ' ').trim();
    return { code, name: name || code };
  }
  const pms = PMS.exec(text);
  if (pms) {
    const code = `PANTONE ${pms[1].trim().replace(/\s+/g, ' ')}`;
    const name = text.replace(pms[0], ' ').replace(/\s+/g, ' ').trim();
    return { code, name: name || code };
  }
  return { name: text.trim() };
}
