/**
 * Font family and style for the copy, chosen from the fonts Figma can use in this file
 * (figma.listAvailableFontsAsync, asked once per session), so the copy never names a font Figma
 * would refuse to load.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MainBus } from '../bus/main-bus';
import type { FontRef } from '../../protocol/variants';

let available: Promise<Map<string, string[]>> | null = null;

function fontsOf(main: MainBus): Promise<Map<string, string[]>> {
  available ??= main.call('listFonts', undefined).then((fonts) => {
    const byFamily = new Map<string, string[]>();
    for (const f of fonts) byFamily.set(f.family, [...(byFamily.get(f.family) ?? []), f.style]);
    return new Map([...byFamily].sort(([a], [b]) => a.localeCompare(b)));
  });
  return available;
}

export function FontPicker({ main, value, onChange }: { main: MainBus; value: FontRef; onChange(font: FontRef): void }) {
  const [fonts, setFonts] = useState<Map<string, string[]> | null>(null);
  useEffect(() => {
    fontsOf(main).then(setFonts, () => setFonts(new Map()));
  }, [main]);
  const styles = fonts?.get(value.family) ?? [];
  const missing = fonts !== null && !styles.includes(value.style);
  return (
    <div class="stack" style="gap:4px">
      <div class="row">
        <select id="font-family" class="select" aria-label="Font family" value={value.family} disabled={!fonts} onChange={(e) => {
          const family = e.currentTarget.value;
          const next = fonts?.get(family) ?? [];
          onChange({ family, style: next.includes(value.style) ? value.style : (next.find((s) => /bold/i.test(s)) ?? next[0] ?? 'Regular') });
        }}>
          {!fonts && <option value={value.family}>{value.family}</option>}
          {fonts && !fonts.has(value.family) && <option value={value.family}>{value.family} (not available)</option>}
          {fonts && [...fonts.keys()].map((f) => <option value={f}>{f}</option>)}
        </select>
        <select class="select" style="width:112px" aria-label="Font style" value={value.style} disabled={!fonts} onChange={(e) => onChange({ ...value, style: e.currentTarget.value })}>
          {(missing || !fonts) && <option value={value.style}>{value.style}</option>}
          {styles.map((s) => <option value={s}>{s}</option>)}
        </select>
      </div>
      {missing && <div class="hint invalid-text">{value.family} {value.style} is not available in this file; choose another.</div>}
    </div>
  );
}
