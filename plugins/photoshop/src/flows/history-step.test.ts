// One History step per change: committed when the change succeeds, rolled back when it fails, and
// the change's own error reaches the retoucher even when Photoshop refuses the rollback.
import { expect, it } from 'vitest';
import type { ModalContext } from '../ports/ps-host';
import { cancelledError } from '../errors/panel-error';
import { HISTORY_ALREADY_SUSPENDED, inHistoryStep } from './history-step';

function context(resume: (id: number, commit: boolean) => Promise<void>, suspensionId = 41): ModalContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isCancelled: false,
    reportProgress: () => undefined,
    suspendHistory: async (documentId, name) => (calls.push(`suspend ${documentId} ${name}`), suspensionId),
    resumeHistory: async (id, commit) => (calls.push(`resume ${id} ${commit}`), resume(id, commit)),
    registerAutoCloseDocument: async () => undefined,
  };
}

it('commits a change that succeeds and rolls back one that fails', async () => {
  const ok = context(async () => undefined);
  expect(await inHistoryStep(ok, 7, 'brandlock: LUT', async () => 'done')).toBe('done');
  expect(ok.calls).toEqual(['suspend 7 brandlock: LUT', 'resume 41 true']);
  const bad = context(async () => undefined);
  await expect(inHistoryStep(bad, 7, 'brandlock: LUT', async () => { throw new Error('no layer'); })).rejects.toThrow('no layer');
  expect(bad.calls).toEqual(['suspend 7 brandlock: LUT', 'resume 41 false']);
});

it('reports the cancel, not the refused rollback', async () => {
  const refusing = context(async (_id, commit) => {
    if (!commit) throw new Error('resumeHistory: the modal scope was cancelled');
  });
  await expect(inHistoryStep(refusing, 7, 'brandlock: LUT', async () => { throw cancelledError('Baking the LUT'); })).rejects.toMatchObject({ code: 'cancelled' });
});

it("runs inside an Action's own History step: played from an Action that suspends history, Photoshop returns 4294967295, and resuming that throws", async () => {
  // As executeAsModal's documentation describes it: the suspension is the Action's, not ours.
  const inAction = context(async (id) => {
    if (id === HISTORY_ALREADY_SUSPENDED) throw new Error('resumeHistory: invalid suspension id');
  }, HISTORY_ALREADY_SUSPENDED);
  expect(await inHistoryStep(inAction, 7, 'brandlock: LUT', async () => 'done')).toBe('done');
  expect(inAction.calls).toEqual(['suspend 7 brandlock: LUT']);
});
