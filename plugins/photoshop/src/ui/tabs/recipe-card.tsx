/**
 * The category's generation recipe for a SKU, read-only: it is locked, and the server resolves it
 * from the lock for every job (the panel cannot change a locked parameter, and does not try).
 */
import type { JSX } from 'preact';
import type { BrandLock } from '@brandlock/core/brand';
import type { BriefSku } from '../../ports/brandlock-server';
import { Facts } from '../widgets/section';

function nameOf(items: { id: string; name: string }[], id: string | null): string {
  if (!id) return 'none';
  return items.find((i) => i.id === id)?.name ?? id;
}

export function RecipeCard(p: { lock: BrandLock; sku: BriefSku; view: string }): JSX.Element | null {
  const { lock, sku } = p;
  const category = lock.categories.find((c) => c.id === sku.category);
  if (!category) return null;
  const r = category.recipe;
  const models = category.models.map((id) => lock.models.find((m) => m.id === id)).filter((m) => m !== undefined);
  const loras = [...models.map((m) => m.lora), ...r.loras].map((l) => `${l.ref.split('/').pop()} ${l.strength.toFixed(2)}`).join(', ');
  const viewName = sku.views.find((v) => v.view === p.view)?.viewName ?? p.view;
  const seed = r.seed.policy === 'fixed' ? `fixed ${r.seed.value}` : r.seed.policy === 'per-sku' ? 'per SKU and view (stable)' : 'random, recorded';
  return (
    <div class="card">
      <div class="card-title">
        <span>{category.name}</span>
        <span class="lock-tag" title="Set by the Brand Lock; the server applies it to every job">Locked</span>
      </div>
      <Facts
        rows={[
          ['Model', `${models.map((m) => m.name).join(', ')} · ${r.baseModel}`],
          ['LoRAs', loras || 'none'],
          ['Lighting', nameOf(lock.lighting, category.lighting)],
          ['Pose', `${nameOf(lock.poseSets, category.poseSet)} · ${viewName}`],
          ['LUT', nameOf(lock.luts, category.lut)],
          ['Output', `${r.width}×${r.height} · ${r.steps} steps · CFG ${r.guidance}`],
          ['Seed', seed],
          ['Swatch', `${sku.swatch.name}${sku.swatch.hex ? ` ${sku.swatch.hex}` : ''} · max ΔE00 ${category.qc.maxDeltaE00}`],
        ]}
      />
      <div class="prompt" title={r.promptTemplate}>
        {r.promptTemplate.length > 200 ? `${r.promptTemplate.slice(0, 200)}…` : r.promptTemplate}
      </div>
    </div>
  );
}
