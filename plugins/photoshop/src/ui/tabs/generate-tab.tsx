/**
 * Generate: the open document's SKU (from its metadata or name) with its locked recipe, the source
 * (document, active layer or selection), and the result back as a layer named after the SKU and job.
 * Generating another SKU into this master is possible, but only after a warning. Below, the SKU's
 * jobs on the server: a run started before the panel was closed can be followed, cancelled or placed,
 * and a finished video loop opened as its own document with its frame QC.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { canPerform, type Role } from '@brandlock/core/api';
import type { JobSummary, VideoResult } from '../../ports/brandlock-server';
import { openVideoJob, type OpenedVideo } from '../../flows/video/open-video-job';
import { VideoQcCard } from './video-qc-card';
import { generateIntoDocument, type GenerateOutcome } from '../../flows/generate/generate-into-document';
import { placeJobResultAgain } from '../../flows/generate/place-job-result';
import { placedJobIds } from '../../flows/generate/placed-job-ids';
import { shortJobId } from '../../flows/short-job-id';
import type { GenerationSource } from '../../flows/generate/read-generation-source';
import type { TabProps } from '../tab-props';
import { Dropdown } from '../widgets/dropdown';
import { Choice } from '../widgets/choice';
import { ErrorNotice } from '../widgets/error-notice';
import { ConfirmNotice } from '../widgets/confirm-notice';
import { Notice } from '../widgets/notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { Reveal } from '../widgets/reveal';
import { BriefSkuSearch } from '../widgets/document-sku';
import { RecipeCard } from './recipe-card';
import { JobList } from './job-list';
import { toPanelError } from '../../errors/host-error';
import type { PanelError } from '../../errors/panel-error';

export function GenerateTab(p: TabProps): JSX.Element {
  const { session, brief, identity, flow } = p;
  /** A brief row chosen here: SKU and colourway, since the brief can have one SKU in several. */
  const [otherSku, setOtherSku] = useState<{ sku: string; colorway: string } | null>(null);
  const [picking, setPicking] = useState(false);
  const [view, setView] = useState('');
  const [source, setSource] = useState<GenerationSource>('document');
  const [done, setDone] = useState<GenerateOutcome | null>(null);
  const [loop, setLoop] = useState<{ result: VideoResult; opened: OpenedVideo } | null>(null);
  const [retry, setRetry] = useState<(() => void) | null>(null);
  const [jobs, setJobs] = useState<JobSummary[]>([]);
  const [placed, setPlaced] = useState<Set<string>>(new Set());
  const [jobsVersion, setJobsVersion] = useState(0);
  const [cancelError, setCancelError] = useState<PanelError | null>(null);

  const documentSku = identity?.from ? identity.sku : null;
  const skus = brief?.skus ?? [];
  const entry = otherSku ? (skus.find((s) => s.sku === otherSku.sku && s.colorway === otherSku.colorway) ?? null) : (identity?.row ?? null);
  const viewOk = entry?.views.some((v) => v.view === view);
  const chosenView = viewOk ? view : (entry?.views.find((v) => v.view === identity?.view)?.view ?? entry?.views[0]?.view ?? '');
  const mismatch = Boolean(entry && documentSku && documentSku.toLowerCase() !== entry.sku.toLowerCase());

  useEffect(() => setOtherSku(null), [p.doc?.id]);
  useEffect(() => {
    if (!session || !entry) return setJobs([]);
    let alive = true;
    session.jobsForSku(entry.sku, entry.colorway).then((j) => alive && setJobs(j), () => alive && setJobs([]));
    if (p.doc) placedJobIds(p.services.ps, p.doc.id).then((ids) => alive && setPlaced(ids), () => undefined);
    return () => {
      alive = false;
    };
  }, [session, entry?.sku, entry?.colorway, p.doc?.id, jobsVersion, flow.running]);

  if (!session) return <NeedsConnection what="SKUs and their recipes" onConnect={() => p.goTo('connect')} />;

  function finished(outcome: GenerateOutcome | undefined) {
    if (outcome) setDone(outcome);
    setJobsVersion((v) => v + 1);
    p.refreshBrief();
    p.documentsChanged();
  }

  function generate(allowOtherSku: boolean) {
    if (!brief || !entry) return;
    setDone(null);
    setLoop(null);
    setRetry(() => () => generate(true));
    const input = { briefId: brief.id, sku: entry.sku, colorway: entry.colorway, view: chosenView, source, documentSku, allowOtherSku };
    flow.run(`Generate ${entry.sku} ${chosenView}`, (signal, report) =>
      generateIntoDocument(p.services.ps, p.services.files, session!, input, { signal, onProgress: report, onJob: () => setJobsVersion((v) => v + 1) }),
    ).then(finished);
  }

  function openLoop(job: JobSummary, follow: boolean) {
    setDone(null);
    setLoop(null);
    setRetry(null);
    flow.run(`${follow ? 'Follow' : 'Open'} loop ${shortJobId(job.id)}`, async (signal, report) => {
      if (follow) await session!.followJob(job.id, (j) => report({ fraction: j.fraction, label: j.message || j.state }), signal);
      report({ fraction: 1, label: 'Downloading the loop…' });
      const result = await session!.videoResult(job.id);
      report({ fraction: 1, label: 'Opening the loop in Photoshop…' });
      return { result, opened: await openVideoJob(p.services.ps, p.services.files, result) };
    }).then((opened) => {
      if (opened) setLoop(opened);
      finished(undefined);
    });
  }

  function place(job: JobSummary, allowOtherSku: boolean, follow: boolean) {
    if (job.kind === 'video') return openLoop(job, follow);
    if (!p.doc) return;
    const documentId = p.doc.id;
    setDone(null);
    setLoop(null);
    setRetry(() => () => place(job, true, false));
    flow.run(`${follow ? 'Follow' : 'Place'} job ${shortJobId(job.id)}`, async (signal, report) => {
      if (follow) await session!.followJob(job.id, (j) => report({ fraction: j.fraction, label: j.message || j.state }), signal);
      report({ fraction: 1, label: 'Placing the result…' });
      return placeJobResultAgain(p.services.ps, p.services.files, await session!.jobResult(job.id), { documentId, documentSku, allowOtherSku });
    }).then(finished);
  }

  const confirming = flow.error?.code === 'needs-confirmation' && retry;

  return (
    <div>
      <Section title="SKU" aside={brief ? `${brief.name} · ${skus.length} SKUs` : brief === null ? 'No brief on the server' : 'Loading brief…'}>
        {entry && !picking ? (
          <div class={`card${mismatch ? ' card-warn' : ''}`}>
            <div class="row">
              <div class="grow list-main">
                <div class="list-title">
                  <b>{entry.sku}</b> · {entry.colorway}
                </div>
                <div class="list-sub">
                  {entry.category} · {entry.status}
                  {otherSku ? ' · chosen here' : identity?.from === 'name' ? " · the document's SKU, from its name" : identity?.from ? " · the document's SKU" : ''}
                </div>
              </div>
              <sp-link class="small" onClick={() => setPicking(true)}>
                {otherSku ? 'Change' : 'Another SKU…'}
              </sp-link>
            </div>
          </div>
        ) : brief?.skus.length ? (
          <BriefSkuSearch brief={brief} label={identity?.sku ? `${identity.sku} is not in ${brief.name}; which SKU?` : 'Which SKU is this document?'} onChoose={(sku, colorway) => (setOtherSku({ sku, colorway }), setPicking(false))} />
        ) : null}
        {mismatch ? (
          <Notice kind="warning" title={`This document is ${documentSku}'s master.`}>
            The result of {entry!.sku} would go into it. brandlock asks before placing it.
          </Notice>
        ) : null}
        {entry ? (
          <Dropdown label="View" value={chosenView || null} options={entry.views.map((v) => ({ value: v.view, label: `${v.viewName} · ${v.status}` }))} onChange={setView} />
        ) : null}
      </Section>
      <ErrorNotice error={p.briefError} />
      {brief === null && !p.briefError ? (
        <Notice kind="info" title="No brief on the server yet">
          Generate works from a season brief; an art director uploads it (brandlock brief upload).
        </Notice>
      ) : null}
      <Section title="SEND">
        <Choice<GenerationSource>
          label="Source"
          value={source}
          onChange={setSource}
          options={[
            { value: 'document', label: 'Document' },
            { value: 'layer', label: 'Layer' },
            { value: 'selection', label: 'Selection' },
          ]}
        />
      </Section>
      <div class="actions">
        <sp-button variant="cta" disabled={flow.running || !entry || !chosenView || !p.doc || undefined} onClick={() => generate(false)}>
          {flow.running ? 'Generating…' : `Generate ${entry ? entry.sku : ''}`}
        </sp-button>
      </div>
      {flow.running && flow.progress ? <Progress state={flow.progress} onCancel={flow.cancel} cancelling={flow.cancelling} /> : null}
      {confirming ? <ConfirmNotice error={flow.error!} confirmLabel="Put it in anyway" onConfirm={() => (flow.clearError(), retry!())} onCancel={flow.clearError} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {done ? (
        <Reveal block="end">
          <Notice kind={done.recordWarning || done.fallbackReason ? 'warning' : 'success'} title={`Placed "${done.layerName}"`}>
            In {done.documentTitle}{done.where ? `, ${done.where}` : ''}, as one History step.{' '}
            {done.fallbackReason ? `${done.fallbackReason} ` : ''}
            {done.recordWarning ? `The production record stays on the server: ${done.recordWarning}` : "The production record is in the layer's metadata."}
            {done.note ? ` Server note: ${done.note}` : ''}
          </Notice>
        </Reveal>
      ) : null}
      {loop ? (
        <Reveal block="end">
          <VideoQcCard result={loop.result} opened={loop.opened} />
        </Reveal>
      ) : null}
      {entry ? <RecipeCard lock={session.lock} sku={entry} view={chosenView} /> : null}
      {entry && jobs.length ? (
        <Section title={`JOBS FOR ${entry.sku}${skus.filter((s) => s.sku === entry.sku).length > 1 ? ` · ${entry.colorway.toUpperCase()}` : ''}`} aside={`${jobs.length} on the server`}>
          <JobList
            jobs={jobs}
            placed={placed}
            busy={flow.running}
            onFollow={(j) => place(j, false, true)}
            onPlace={(j) => place(j, false, false)}
            mayCancel={(j) => j.requestedBy === session.info.user.name || canPerform(session.info.user.role as Role, 'jobs:cancel-any')}
            onCancel={(j) => session.cancelJob(j.id).then(() => (setCancelError(null), setJobsVersion((v) => v + 1)), (e) => setCancelError(toPanelError(e, 'cancel the job')))}
          />
          <ErrorNotice error={cancelError} onDismiss={() => setCancelError(null)} />
        </Section>
      ) : null}
    </div>
  );
}
