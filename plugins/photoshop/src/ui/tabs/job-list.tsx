/**
 * "Jobs for this SKU": the SKU's generate and video jobs on the server, so a panel reopened after
 * Photoshop or the panel was closed finds what is still running (follow it, cancel it) and what
 * finished but is not in this document yet (place a still; open a loop as its own video document).
 * A result that could not be placed is never lost here.
 */
import type { JSX } from 'preact';
import type { JobSummary } from '../../ports/brandlock-server';
import { shortJobId } from '../../flows/short-job-id';

const badges = { queued: ['', 'QUEUED'], running: ['warn', 'RUNNING'], succeeded: ['ok', 'DONE'], failed: ['fail', 'FAILED'], canceled: ['', 'CANCELED'] } as const;

function when(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString()} ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/** `mayCancel`: whether this user may stop the job (the server lets only its starter, art direction and admins). */
export function JobList(p: { jobs: JobSummary[]; placed: Set<string>; busy: boolean; mayCancel(job: JobSummary): boolean; onFollow(job: JobSummary): void; onPlace(job: JobSummary): void; onCancel(job: JobSummary): void }): JSX.Element {
  return (
    <div class="list">
      {p.jobs.map((j) => (
        <div class="list-item" key={j.id}>
          <span class={`badge ${badges[j.state][0]}`}>{badges[j.state][1]}</span>
          <div class="list-main">
            <div class="list-title">
              {j.view ?? 'view'}
              {j.kind === 'video' ? ' loop' : ''} · job {shortJobId(j.id)}
            </div>
            <div class="list-sub">
              {when(j.createdAt)} · {j.requestedBy}
              {j.state === 'running' || j.state === 'queued' ? ` · ${j.stage}` : ''}
              {j.error ? ` · ${j.error}` : ''}
              {p.placed.has(j.id) ? ' · in this document' : ''}
            </div>
          </div>
          {j.state === 'running' || j.state === 'queued' ? (
            <div class="row">
              <sp-link class="small" onClick={() => !p.busy && p.onFollow(j)}>
                Follow
              </sp-link>
              {p.mayCancel(j) ? (
                <sp-link class="small" onClick={() => p.onCancel(j)}>
                  Cancel
                </sp-link>
              ) : null}
            </div>
          ) : j.state === 'succeeded' && j.kind === 'video' ? (
            <sp-button variant="secondary" size="s" disabled={p.busy || undefined} onClick={() => p.onPlace(j)}>
              Open
            </sp-button>
          ) : j.state === 'succeeded' && !p.placed.has(j.id) ? (
            <sp-button variant="secondary" size="s" disabled={p.busy || undefined} onClick={() => p.onPlace(j)}>
              Place
            </sp-button>
          ) : null}
        </div>
      ))}
    </div>
  );
}
