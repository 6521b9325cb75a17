/**
 * The category's generation recipe for a SKU, read-only: it is locked, and the server resolves it
 * from the lock for every job (the panel cannot change a locked parameter, and does not try). What a
 * retoucher judges the result by shows first, in their words: who models it, the light, the pose,
 * the grade, the size and the swatch (as a colour, not only a hex). The generator's own settings
 * (LoRA weights, steps, guidance, seed, the prompt template with its placeholders) are for whoever
 * writes the lock, so they stay folded under "Generation settings" until asked for.
 */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { BrandLock } from '@brandlock/core/brand';
import type { BriefSku } from '../../ports/brandlock-server';
import { Facts } from '../widgets/section';

function nameOf(items: { id: string; name: string }[], id: string | null): string {
  if (!id) return 'none';
  return items.find((i) => i.id === id)?.name ?? id;
}

export function RecipeCard(p: { lock: BrandLock; sku: BriefSku; view: string }): JSX.Element | null {
  const { lock, sku } = p;
  const [technical, setTechnical] = useState(false);
  const category = lock.categories.find((c) => c.id === sku.category);
  if (!category) return null;
  const r = category.recipe;
  const models = category.models.map((id) => lock.models.find((m) => m.id === id)).filter((m) => m !== undefined);
  const loras = [...models.map((m) => m.lora), ...r.loras].map((l) => `${l.ref.split('/').pop()} at ${l.strength.toFixed(2)}`).join(', ');
  const viewName = sku.views.find((v) => v.view === p.view)?.viewName ?? p.view;
  const seed = r.seed.policy === 'fixed' ? `fixed (${r.seed.value}): every job alike` : r.seed.policy === 'per-sku' ? 'one per SKU and view: a re-run repeats it' : 'new each job, recorded with it';
  const swatch = (
    <span class="row">
      {sku.swatch.hex ? <span class="chip-color small-chip" style={{ backgroundColor: sku.swatch.hex }}></span> : null}
      <span>
        {sku.swatch.name}
        {sku.swatch.hex ? ` ${sku.swatch.hex}` : ''} · within ΔE00 {category.qc.maxDeltaE00}
      </span>
    </span>
  );
  return (
    <div class="card">
      <div class="card-title">
        <span>{category.name}</span>
        <span class="lock-tag" title="Set by the Brand Lock; the server applies it to every job">Locked</span>
      </div>
      <Facts
        rows={[
          [models.length > 1 ? 'Models' : 'Model', models.map((m) => m.name).join(', ') || 'none'],
          ['Lighting', nameOf(lock.lighting, category.lighting)],
          ['Pose', `${nameOf(lock.poseSets, category.poseSet)} · ${viewName}`],
          ['Grade', nameOf(lock.luts, category.lut)],
          ['Size', `${r.width}×${r.height} px`],
          ['Swatch', swatch],
        ]}
        wrap={['Models', 'Model', 'Pose']}
      />
      <div class="recipe-more">
        <sp-link class="small" onClick={() => setTechnical(!technical)}>
          {technical ? 'Hide generation settings' : 'Generation settings'}
        </sp-link>
      </div>
      {technical ? (
        <div class="recipe-technical">
          <Facts
            rows={[
              ['Base model', r.baseModel],
              ['LoRAs', loras || 'none'],
              ['Steps', String(r.steps)],
              ['Guidance', String(r.guidance)],
              ['Seed', seed],
            ]}
            wrap={['LoRAs', 'Seed']}
          />
          <div class="prompt" title={r.promptTemplate}>
            <div class="fact-key">Prompt template (the server fills in the SKU's words)</div>
            {r.promptTemplate.length > 200 ? `${r.promptTemplate.slice(0, 200)}…` : r.promptTemplate}
          </div>
        </div>
      ) : null}
    </div>
  );
}
