/**
 * The SKU's swatch beside the garment as measured: two chips a colour retoucher compares at a glance,
 * with the ΔE00 between them. Lab is shown in D50 as well, the space Photoshop's Info panel and Color
 * Picker read, so the numbers match what the eyedropper says.
 */
import type { JSX } from 'preact';
import { deltaE2000, labToSrgb, type Lab } from '@brandlock/core/color';
import { labD65ToD50 } from '@brandlock/core/palette-import';
import { labD50Text } from '../../flows/qc/describe-finding';

const hex = (lab: Lab) => `#${labToSrgb(lab).map((c) => Math.round(Math.min(1, Math.max(0, c)) * 255).toString(16).padStart(2, '0')).join('')}`;


/** To the tenth QC writes its Lab in, so a chip and the finding beside it convert the same numbers. */
const asQcWritesIt = (lab: Lab): Lab => ({ l: Number(lab.l.toFixed(1)), a: Number(lab.a.toFixed(1)), b: Number(lab.b.toFixed(1)) });

export function ColorChips(p: { swatch: { name: string; lab: Lab }; measured: Lab | null; label?: string }): JSX.Element {
  const chip = (title: string, lab: Lab, sub: string) => (
    <div class="chip">
      <div class="chip-color" style={{ backgroundColor: hex(lab) }}></div>
      <div class="chip-text">
        <div class="chip-title">{title}</div>
        <div class="list-sub" title="Lab D50, as Photoshop's Info panel shows it">Lab {labD50Text(labD65ToD50(asQcWritesIt(lab)))}</div>
        <div class="list-sub">{sub}</div>
      </div>
    </div>
  );
  return (
    <div class="chips">
      {chip(p.swatch.name, p.swatch.lab, `swatch · ${hex(p.swatch.lab)}`)}
      {p.measured ? chip(p.label ?? 'Garment', p.measured, `measured · ΔE00 ${deltaE2000(p.swatch.lab, p.measured).toFixed(1)}`) : <div class="chip muted small">No garment found to measure</div>}
    </div>
  );
}
