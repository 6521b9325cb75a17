/**
 * Whether a master may be exported, from the QC verdict in its XMP: a pass goes, a flag goes only
 * once the retoucher confirms (QC says a retoucher pass is needed), a reject never goes (upscaled and
 * delivered, a reject is worse than a missing image), and a master QC has not judged, or judged as
 * another SKU, is sent back to QC first.
 */
import { PanelError } from '../../errors/panel-error';
import type { XmpProperties } from '../../xmp/brandlock-xmp';

export interface GateInput {
  title: string;
  sku: string;
  xmp: XmpProperties;
  /** The retoucher has seen the flag and chosen to export anyway. */
  acceptFlag: boolean;
}

function findingsSummary(xmp: XmpProperties): string {
  try {
    const findings = JSON.parse(xmp.qcFindings ?? '[]') as { check: string; severity: string }[];
    return findings.map((f) => `${f.check} (${f.severity})`).join(', ');
  } catch {
    return '';
  }
}

/** Throws what stops the export; returns the verdict that lets it go. */
export function checkExportGate(input: GateInput): 'pass' | 'flag' {
  const { xmp, title } = input;
  const verdict = xmp.qcVerdict;
  const found = findingsSummary(xmp);
  if (verdict !== 'pass' && verdict !== 'flag' && verdict !== 'reject') {
    throw new PanelError('bad-input', `"${title}" has no QC verdict, so brandlock does not export it.`, 'Run QC on it (QC tab), then export.');
  }
  if (xmp.sku && xmp.sku.toLowerCase() !== input.sku.toLowerCase()) {
    throw new PanelError('bad-input', `QC judged "${title}" as ${xmp.sku}, not ${input.sku}; brandlock does not export it as ${input.sku}.`, `Export it as ${xmp.sku}, or run QC again as ${input.sku}.`);
  }
  if (verdict === 'reject') {
    throw new PanelError('bad-input', `QC rejected "${title}"${found ? ` (${found})` : ''}; brandlock does not export a reject.`, 'Fix what QC found or regenerate, run QC again, then export.');
  }
  if (verdict === 'flag' && !input.acceptFlag) {
    throw new PanelError('needs-confirmation', `QC flagged "${title}"${found ? ` (${found})` : ''}. Export it anyway?`, 'A flag means QC wants a retoucher to look; export once you have.');
  }
  return verdict;
}
