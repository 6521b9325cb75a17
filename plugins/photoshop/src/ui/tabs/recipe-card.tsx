/** The locked recipe of a planned job, read-only: what the server will render and with what. */
import type { JSX } from 'preact';
import type { BrandLock } from '@brandlock/core/brand';
import type { PlannedJob } from '@brandlock/core/brief';
import { shortHash } from '../format';
import { Facts } from '../widgets/section';

function nameOf<T extends { id: string; name: string }>(items: T[], id: string | null): string {
  if (!id) return 'none';
  return items.find((i) => i.id === id)?.name ?? id;
}

export function RecipeCard(p: { job: PlannedJob; lock: BrandLock }): JSX.Element {
  const { job, lock } = p;
  const r = job.recipe;
  const category = lock.categories.find((c) => c.id === job.category);
  const loras = r.loras.map((l) => `${l.ref.split('/').pop()} ${l.strength.toFixed(2)}`).join(', ');
  return (
    <div class="card">
      <div class="card-title">
        <span>{category?.name ?? job.category} recipe</span>
        <span class="lock-tag" title="Set by the Brand Lock; the server applies it as is">Locked</span>
      </div>
      <Facts
        mono={['Recipe']}
        rows={[
          ['Model', `${nameOf(lock.models, r.modelProfile)} · ${r.baseModel}`],
          ['LoRAs', loras || 'none'],
          ['Lighting', nameOf(lock.lighting, r.lightingPreset)],
          ['Pose', `${nameOf(lock.poseSets, r.poseSet)} · ${job.viewName}`],
          ['LUT', nameOf(lock.luts, r.lut)],
          ['Output', `${r.width}×${r.height} · ${r.steps} steps · CFG ${r.guidance}`],
          ['Seed', r.seed === null ? `${r.seedPolicy} (chosen at run time)` : `${r.seed} (${r.seedPolicy})`],
          ['Swatch', `${job.swatch.name}${job.swatch.hex ? ` ${job.swatch.hex}` : ''} · max ΔE00 ${job.swatch.tolerance}`],
          ['Recipe', shortHash(job.recipeHash)],
        ]}
      />
      <div class="prompt" title={r.prompt}>
        {r.prompt.length > 220 ? `${r.prompt.slice(0, 220)}…` : r.prompt}
      </div>
    </div>
  );
}
