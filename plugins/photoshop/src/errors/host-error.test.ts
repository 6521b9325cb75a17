// What Photoshop throws (modal collision, cancel, failures) as the messages a retoucher reads.
import { expect, it } from 'vitest';
import { PanelError } from './panel-error';
import { toPanelError } from './host-error';

it('recognises the modal collision by number 9 and names the plugin when Photoshop does', () => {
  const e = toPanelError({ number: 9, message: 'Host is in a modal state and the request cannot be executed. The modal state is held by plugin "Retouch Pro".' }, 'apply the LUT');
  expect(e.code).toBe('modal-busy');
  expect(e.message).toBe('Photoshop is busy with another plugin ("Retouch Pro"), so brandlock cannot apply the LUT right now.');
});

it('recognises the older message without a plugin name', () => {
  const e = toPanelError(new Error('Host is in a modal state and the request cannot be executed.'), 'run QC');
  expect(e.code).toBe('modal-busy');
  expect(e.message).toContain('another plugin, a dialog or a running action');
});

it('maps user cancels to cancelled, and anything else to a failure with Photoshop\'s words', () => {
  expect(toPanelError({ number: -128, message: 'x' }, 'place the result').code).toBe('cancelled');
  const e = toPanelError(new Error('The command "Place" is not currently available.'), 'place the result');
  expect(e).toMatchObject({ code: 'host-command-failed', message: 'Photoshop could not place the result: The command "Place" is not currently available.' });
});

it('passes PanelErrors through unchanged', () => {
  const original = new PanelError('no-document', 'No document');
  expect(toPanelError(original, 'x')).toBe(original);
});
