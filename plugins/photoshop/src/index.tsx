/**
 * The UXP entry point. Photoshop wants `entrypoints.setup()` called as soon as the script loads
 * ("less than ~20ms", known issue PS-57605, else an uncatchable error is likely), so this file
 * registers the panel and the two menu commands first and nothing else: the panel, the API contract
 * (zod) and the host adapter are a separate module, evaluated only when Photoshop creates the panel or
 * runs a command (esbuild turns the dynamic import into a lazily initialised module inside the one
 * bundle). `create` returns at once; the panel fills its root when the module has loaded.
 */
import { setupEntrypoints } from './host/setup-entrypoints';

type PanelMain = typeof import('./panel-main');
let loading: Promise<PanelMain> | null = null;
const load = () => (loading ??= import('./panel-main'));

setupEntrypoints({
  mountPanel: (root) => void load().then((m) => m.mountPanel(root)),
  applyBrandLutToOpenDocuments: async () => (await load()).runCommand('apply-lut-to-open-documents'),
  runQcOnActiveDocument: async () => (await load()).runCommand('qc-active-document'),
});
