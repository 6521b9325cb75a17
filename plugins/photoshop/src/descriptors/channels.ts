/**
 * Alpha-channel descriptors: Select > Save Selection, Load Selection (Deselect is in subject.ts), and deleting a
 * channel by its name, as Photoshop records them (the same shapes are played by public UXP
 * plugins that keep a selection in a channel while they work; the DOM's Selection.save/load (25.0)
 * do the same). Each acts on the active document.
 */
import type { ActionDescriptor } from '../ports/ps-host';

const selection = [{ _ref: 'channel', _property: 'selection' }];

/** Select > Save Selection into a new alpha channel with this name; refused when nothing is selected. */
export function saveSelectionAsChannel(name: string): ActionDescriptor {
  return { _obj: 'duplicate', _target: selection, name, _options: { dialogOptions: 'dontDisplay' } };
}

/** Select > Load Selection from the (first) alpha channel with this name, replacing the selection. */
export function loadChannelAsSelection(name: string): ActionDescriptor {
  return { _obj: 'set', _target: selection, to: { _ref: 'channel', _name: name }, _options: { dialogOptions: 'dontDisplay' } };
}

/** Deletes the (first) channel with this name, as the Channels panel's trash can does. */
export function deleteChannel(name: string): ActionDescriptor {
  return { _obj: 'delete', _target: [{ _ref: 'channel', _name: name }], _options: { dialogOptions: 'dontDisplay' } };
}
