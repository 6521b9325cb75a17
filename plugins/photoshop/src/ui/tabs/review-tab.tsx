/**
 * Review: the server's review queue (masters QC flagged or rejected, with its reasons), one click to
 * open a master in Photoshop to fix it, send the fix back (a revision of the asset, QC'd afresh on
 * the server, in the old one's place), and Approve or Reject with a reason. The decision is recorded
 * in the review layer the token's role decides in (a retoucher's in the technical layer, an art
 * director's in the brand layer), as the server enforces.
 */
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { canPerform, defaultReviewLayer, type Role } from '@brandlock/core/api';
import type { ReviewEntry } from '../../ports/brandlock-server';
import { openReviewItem } from '../../flows/review/open-review-item';
import { sendFixToReview } from '../../flows/review/send-fix-to-review';
import { withLabInD50 } from '../../flows/qc/describe-finding';
import type { TabProps } from '../tab-props';
import { ErrorNotice } from '../widgets/error-notice';
import { Notice } from '../widgets/notice';
import { Progress } from '../widgets/progress';
import { Section } from '../widgets/section';
import { NeedsConnection } from '../widgets/needs-connection';
import { TextField } from '../widgets/text-field';
import { Reveal } from '../widgets/reveal';

const badges = { flagged: ['warn', 'FLAGGED'], rejected: ['fail', 'REJECTED'], ready: ['', 'READY'], approved: ['ok', 'APPROVED'] } as const;

export function ReviewTab(p: TabProps): JSX.Element {
  const { session, flow } = p;
  const [items, setItems] = useState<ReviewEntry[] | null>(null);
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const role = (session?.info.user.role ?? 'designer') as Role;
  const allowed = canPerform(role, 'review:read');

  useEffect(() => {
    if (!session || !allowed) return;
    flow.run('Load the review queue', async (_s, report) => {
      report({ fraction: null, label: 'Loading the review queue…' });
      setItems(await session.reviewQueue());
    });
  }, [session, version]);

  if (!session) return <NeedsConnection what="The review queue" onConnect={() => p.goTo('connect')} />;
  if (!allowed) return <Notice kind="info" title={`A ${role} token cannot see the review queue.`}>Retouchers, art directors and admins review; ask your admin for a token with one of those roles.</Notice>;
  const mayDecide = canPerform(role, 'review:decide');
  const layer = defaultReviewLayer(role);
  // The document in front, when it was opened from the queue, is the one being fixed.
  const fixing = p.docXmp.reviewAssetId ?? null;

  async function openItem(item: ReviewEntry) {
    setDone(null);
    const doc = await flow.run(`Open ${item.sku ?? 'master'}`, async (_s, report) => {
      report({ fraction: null, label: `Opening ${item.sku ?? item.assetId}…` });
      return openReviewItem(p.services.ps, p.services.files, session!, item);
    });
    if (doc) setDone(`Opened "${doc.title}". Fix it, then Send fix (the server QCs your pixels), or approve or reject it here.`);
    p.documentsChanged();
  }

  async function sendFix(item: ReviewEntry) {
    setDone(null);
    const revision = await flow.run(`Send the fix of ${item.sku ?? 'master'}`, async (_s, report) => {
      report({ fraction: null, label: 'Flattening a copy and sending it to the server…' });
      return sendFixToReview(p.services.ps, p.services.files, session!, reason);
    });
    if (revision) {
      setDone(`Sent the fix of ${item.sku ?? item.assetId}: QC on the server says ${revision.verdict.toUpperCase()}, so it is now ${revision.status}. It takes the old master's place in the queue.`);
      setReason('');
      setOpen(revision.assetId);
      setVersion((v) => v + 1);
      p.documentsChanged();
    }
  }

  async function decide(item: ReviewEntry, decision: 'approve' | 'reject') {
    setDone(null);
    const after = await flow.run(`${decision === 'approve' ? 'Approve' : 'Reject'} ${item.sku ?? 'master'}`, () => session!.decideReview(item.assetId, decision, reason.trim()));
    if (after) {
      setDone(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${item.sku ?? item.assetId} (${layer} review): now ${after.status}.`);
      setReason('');
      setOpen(null);
      setVersion((v) => v + 1);
    }
  }

  return (
    <div>
      <Section title="REVIEW QUEUE" aside={items ? <sp-link onClick={() => setVersion((v) => v + 1)}>{`${items.length} waiting · Refresh`}</sp-link> : null}>
        <div class="field-hint">
          Flagged and rejected masters. You decide as {session.info.user.name} in the {layer} layer{mayDecide ? '' : ' (your role can look, not decide)'}.
        </div>
        {items && !items.length ? <Notice kind="success" title="Nothing waiting for review." /> : null}
        {items?.length ? (
          <div class="list">
            {items.map((item) => (
              <div class={`list-item${open === item.assetId ? ' selected-item' : ''}`} key={item.assetId}>
                <span class={`badge ${badges[item.status][0]}`}>{badges[item.status][1]}</span>
                <div class="list-main">
                  <div class="list-title pick" onClick={() => setOpen(open === item.assetId ? null : item.assetId)}>
                    {item.sku ?? 'No SKU'} · {item.view ?? 'view'} · {item.colorway ?? ''}
                  </div>
                  {item.reasons.slice(0, open === item.assetId ? 8 : 2).map((r, i) => (
                    <div class="list-sub" key={i}>
                      {r.severity.toUpperCase()}: {withLabInD50(r.message)}
                    </div>
                  ))}
                  {item.decisions.length ? <div class="list-sub">{item.decisions.map((d) => `${d.decision} by ${d.reviewer} (${d.layer})${d.reason ? `: ${d.reason}` : ''}`).join(' · ')}</div> : null}
                  {item.revisionOf ? <div class="list-sub">A retoucher's fix, QC'd afresh.</div> : null}
                  {fixing === item.assetId ? <div class="list-sub warn-text">Open in Photoshop now.</div> : null}
                  {open === item.assetId ? (
                    <div class="section">
                      <TextField label="Reason or what you fixed (needed to reject)" value={reason} onInput={setReason} placeholder="e.g. sleeve hem re-shaped; colour within tolerance after retouch" />
                      <div class="actions">
                        <sp-button variant="secondary" size="s" disabled={flow.running || undefined} onClick={() => openItem(item)}>
                          Open
                        </sp-button>
                        {fixing === item.assetId ? (
                          <sp-button variant="secondary" size="s" disabled={flow.running || !mayDecide || undefined} onClick={() => sendFix(item)}>
                            Send fix
                          </sp-button>
                        ) : null}
                        <sp-button variant="secondary" size="s" disabled={flow.running || !mayDecide || !reason.trim() || undefined} onClick={() => decide(item, 'reject')}>
                          Reject
                        </sp-button>
                        <sp-button variant="cta" size="s" disabled={flow.running || !mayDecide || undefined} onClick={() => decide(item, 'approve')}>
                          Approve
                        </sp-button>
                      </div>
                    </div>
                  ) : null}
                </div>
              </div>
            ))}
          </div>
        ) : null}
      </Section>
      {flow.running && flow.progress ? <Progress state={flow.progress} /> : null}
      <ErrorNotice error={flow.error} onDismiss={flow.clearError} />
      {done ? (
        <Reveal block="end">
          <Notice kind="success" title={done} />
        </Reveal>
      ) : null}
    </div>
  );
}
