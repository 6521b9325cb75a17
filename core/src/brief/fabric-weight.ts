/**
 * Fabric weights as merchandisers write them: "180", "180 gsm", "180 g/m2", "12 oz" (oz/yd², denim),
 * and the measures knitwear and leather use instead: "12 gauge" / "12gg", "0.8 mm". Weights come back
 * in g/m² so prompts and reports use one unit; gauge and thickness have no g/m².
 */

const OZ_PER_SQ_YD_IN_GSM = 33.906;

export type FabricWeightResult = { success: true; gsm: number | null; text: string } | { success: false; message: string };

/**
 * @example parseFabricWeight('12 oz') // { success: true, gsm: 407, text: '12 oz/yd² (407 gsm)' }
 * @example parseFabricWeight('14 gauge') // { success: true, gsm: null, text: '14 gauge knit' }
 */
export function parseFabricWeight(input: string): FabricWeightResult {
  const m = /^(\d+(?:[.,]\d+)?)\s*(gsm|g\/m2|g\/m²|g|oz|oz\/yd2|oz\/yd²|gauge|gg|mm)?$/i.exec(input.trim());
  if (!m) return { success: false, message: `"${input}" is not a fabric weight` };
  const n = Number(m[1].replace(',', '.'));
  const unit = (m[2] ?? 'gsm').toLowerCase();
  if (unit === 'gauge' || unit === 'gg') {
    if (n < 1 || n > 30) return { success: false, message: `${n} gauge is outside 1..30` };
    return { success: true, gsm: null, text: `${n} gauge knit` };
  }
  if (unit === 'mm') {
    if (n <= 0 || n > 10) return { success: false, message: `${n} mm is outside 0..10` };
    return { success: true, gsm: null, text: `${n} mm thick` };
  }
  if (unit.startsWith('oz')) {
    if (n <= 0 || n > 40) return { success: false, message: `${n} oz/yd² is outside 0..40` };
    const gsm = Math.round(n * OZ_PER_SQ_YD_IN_GSM);
    return { success: true, gsm, text: `${n} oz/yd² (${gsm} gsm)` };
  }
  if (n < 5 || n > 2000) return { success: false, message: `${n} g/m² is outside 5..2000` };
  return { success: true, gsm: Math.round(n), text: `${Math.round(n)} gsm` };
}
