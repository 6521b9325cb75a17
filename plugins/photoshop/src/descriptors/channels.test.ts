// Channel descriptors against the shapes Photoshop records for Save Selection, Load Selection,
// deleting a channel by name.
import { expect, it } from 'vitest';
import { deleteChannel, loadChannelAsSelection, saveSelectionAsChannel } from './channels';

const selection = [{ _ref: 'channel', _property: 'selection' }];

it('saves the selection into a named alpha channel and loads it back by name', () => {
  expect(saveSelectionAsChannel('brandlock area · job 7f3a9c21 · 300×400')).toEqual({
    _obj: 'duplicate', _target: selection, name: 'brandlock area · job 7f3a9c21 · 300×400', _options: { dialogOptions: 'dontDisplay' },
  });
  expect(loadChannelAsSelection('Alpha 1')).toEqual({
    _obj: 'set', _target: selection, to: { _ref: 'channel', _name: 'Alpha 1' }, _options: { dialogOptions: 'dontDisplay' },
  });
});

it('deletes a channel by its name', () => {
  expect(deleteChannel('Alpha 1')).toEqual({ _obj: 'delete', _target: [{ _ref: 'channel', _name: 'Alpha 1' }], _options: { dialogOptions: 'dontDisplay' } });
});
