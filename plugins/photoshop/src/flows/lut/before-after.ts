/**
 * Before/after for brandlock's own layers (LUT, baked LUT, balance correction): hides or shows them
 * all at once in the active document, as one History step, so the retoucher compares with one click.
 */
import type { PsHost } from '../../ports/ps-host';
import { requireDocument } from '../../errors/document-checks';
import { PanelError } from '../../errors/panel-error';
import { checkResults } from '../../descriptors/check-results';
import { setLayerVisible } from '../../descriptors/layers';
import { inHistoryStep } from '../history-step';

const BRAND_LAYER = /^brandlock (LUT|balance)\b/;

/** Shows the document without (before) or with (after) its brandlock layers; says how many it toggled. */
export async function showBrandLayers(ps: PsHost, show: boolean): Promise<number> {
  const doc = requireDocument(await ps.activeDocument(), 'compare');
  const layers = (await ps.layers(doc.id)).filter((l) => BRAND_LAYER.test(l.name));
  if (!layers.length) throw new PanelError('bad-input', `"${doc.title}" has no brandlock layers to compare.`, 'Apply the LUT or a balance correction first.');
  const toggle = layers.filter((l) => l.visible !== show);
  if (!toggle.length) return 0;
  await ps.executeAsModal(show ? 'After' : 'Before', (ctx) =>
    inHistoryStep(ctx, doc.id, `brandlock: ${show ? 'after' : 'before'}`, async () => {
      checkResults(await ps.batchPlay(toggle.map((l) => setLayerVisible(doc.id, l.id, show))), show ? 'show the brandlock layers' : 'hide the brandlock layers');
    }),
  );
  return toggle.length;
}
