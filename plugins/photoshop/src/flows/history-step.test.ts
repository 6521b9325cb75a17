// One History step per change: committed when the change succeeds, rolled back when it fails, and
// the change's own error reaches the retoucher even when Photoshop refuses the rollback.
import { expect, it } from 'vitest';
import type { ModalContext } from '../ports/ps-host';
import { cancelledError } from '../errors/panel-error';
import { inHistoryStep } from './history-step';

function context(resume: (id: number, commit: boolean) => Promise<void>): ModalContext & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isCancelled: false,
    reportProgress: () => undefined,
    suspendHistory: async (documentId, name) => (calls.push(`suspend ${documentId} ${name}`), 41),
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
