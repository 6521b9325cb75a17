/**
 * The two menu commands (Plugins > brandlock): they run without the panel, with the saved server
 * connection, the LUT last chosen in the panel, and the SKU the document's XMP or name gives (QC never
 * runs without the SKU's swatch), and report in Photoshop's alert dialog.
 */
import type { PanelServices } from '../../ui/panel-services';
import { PanelError } from '../../errors/panel-error';
import { asPanelError } from '../../ui/as-panel-error';
import { savedConnection } from '../connect';
import { LAST_LUT_KEY } from '../settings-keys';
import { requireDocument } from '../../errors/document-checks';
import { readDocumentXmp } from '../document-identity/read-document-xmp';
import { identifyDocument } from '../document-identity/document-identity';
import { qcTargetFor } from '../qc/qc-target';
import { prepareBrandLut } from '../lut/prepare-brand-lut';
import { cachedLutCube, lutFileName, serverLutCube } from '../lut/load-lut-cube';
import { applyBrandLut } from '../lut/apply-brand-lut';
import { runDocumentQc } from '../qc/run-document-qc';
import { findingTitle, limitText, measuredText } from '../qc/describe-finding';
import { failingFindings } from '@brandlock/core/qc';

export type MenuCommand = 'apply-lut-to-open-documents' | 'qc-active-document';

async function openSavedSession(services: PanelServices) {
  const { url, token } = await savedConnection(services);
  if (!url || !token) {
    throw new PanelError('not-connected', 'brandlock is not connected to a server.', 'Open the brandlock panel (Plugins > brandlock), connect once, then use this command again.');
  }
  return services.openSession(url, token);
}

export async function applyLutToOpenDocumentsCommand(services: PanelServices): Promise<string> {
  const session = await openSavedSession(services);
  const saved = await services.settings.get(LAST_LUT_KEY);
  const ref = session.lock.luts.find((l) => l.id === saved) ?? session.lock.luts.find((l) => l.use === 'grade') ?? session.lock.luts[0];
  if (!ref) throw new PanelError('bad-input', `The ${session.info.brand.name} lock (${session.info.lockVersion}) has no LUTs.`);
  const text = (await cachedLutCube(services, ref, session.info.lockHash)) ?? (await serverLutCube(services, session, ref, session.info.lockHash));
  if (text === null) {
    throw new PanelError('bad-input', `${ref.name} (${lutFileName(ref)}) is not on the server and has not been loaded for lock ${session.info.lockVersion} yet.`, 'Apply it once from the LUT tab of the brandlock panel (it asks for the file); the command reuses it after that.');
  }
  const lut = prepareBrandLut(ref, text);
  const { outcomes } = await applyBrandLut(services.ps, services.files, lut, { kind: 'open' }, { bake: false, signal: new AbortController().signal, onProgress: () => {} });
  const done = outcomes.filter((o) => o.status === 'done').length;
  const failed = outcomes.filter((o) => o.status === 'failed');
  return [`${lut.name} added to ${done} of ${outcomes.length} open documents.`, ...failed.map((f) => `• ${f.name}: ${f.message}`)].join('\n');
}

export async function qcActiveDocumentCommand(services: PanelServices): Promise<string> {
  const session = await openSavedSession(services);
  const doc = requireDocument(await services.ps.activeDocument(), 'run QC on');
  const xmp = await readDocumentXmp(services.ps, doc.id);
  const brief = await session.currentBrief().catch(() => null);
  const target = qcTargetFor(identifyDocument({ title: doc.title, xmp }, session.lock, brief), session.lock, doc.title);
  if (!target.success) {
    throw new PanelError('bad-input', `${target.message} Nothing was checked or written.`, 'Name the file after its SKU (e.g. NF-WV-1001_chalk_front.psd), or run QC from the QC tab of the brandlock panel, which asks which SKU it is.');
  }
  const t = target.target;
  const result = await runDocumentQc(services.ps, session.lock, { ...t, by: session.info.user.name, lockHash: session.info.lockHash });
  const failing = failingFindings(result.findings);
  return [
    `QC ${result.verdict.toUpperCase()} for "${result.document.title}" as ${t.sku ?? t.colorway} (${t.swatch.name} swatch, ${t.category.name}).`,
    ...failing.map((f) => `• ${findingTitle(f)}: ${measuredText(f)} (${limitText(f)})`),
    result.recorded ? 'The verdict is in the document metadata; the panel QC tab shows the regions.' : `The verdict could not be written into the document: ${result.recordError}`,
  ].join('\n');
}

export async function runMenuCommand(services: PanelServices, command: MenuCommand): Promise<void> {
  let message: string;
  try {
    message = command === 'apply-lut-to-open-documents' ? await applyLutToOpenDocumentsCommand(services) : await qcActiveDocumentCommand(services);
  } catch (e) {
    const err = asPanelError(e);
    message = err.hint ? `${err.message}\n${err.hint}` : err.message;
  }
  await services.ps.showAlert(`brandlock: ${message}`);
}
