// batchPlay error results as PanelErrors: Photoshop's words, its error code, and -128 as a cancel.
import { expect, it } from 'vitest';
import { checkResults } from './check-results';

it('passes results without errors through', () => {
  const ok = [{ _obj: 'make', layerID: 3 }];
  expect(checkResults(ok, 'make the layer')).toBe(ok);
});

it("turns Photoshop's error result into a message with its words and code", () => {
  expect(() => checkResults([{}, { _obj: 'error', message: 'The object "layer" is not currently available.', result: -25920 }], 'remove the background'))
    .toThrow('Photoshop could not remove the background: The object "layer" is not currently available. (error -25920).');
});

it('turns result -128 into a cancel', () => {
  try {
    checkResults([{ _obj: 'error', result: -128 }], 'select the subject');
    expect.unreachable();
  } catch (e) {
    // Before: "select the subject was cancelled." (the step's verb phrase as a subject, lower case).
    expect(e).toMatchObject({ name: 'PanelError', code: 'cancelled', message: 'Cancelled: brandlock did not select the subject.' });
  }
});
