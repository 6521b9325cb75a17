/**
 * Reading and writing XMP on an open document or on one of its layers through the
 * `XMPMetadataAsUTF8` property, Adobe's documented route for open documents. Layer XMP is saved in
 * the PSD, which is where a generated layer's production record lives.
 */
import type { ActionDescriptor } from '../ports/ps-host';

export type XmpTarget = { documentId: number; layerId?: number };

function ref(target: XmpTarget): Record<string, unknown>[] {
  return target.layerId === undefined
    ? [{ _ref: 'document', _id: target.documentId }]
    : [{ _ref: 'layer', _id: target.layerId }, { _ref: 'document', _id: target.documentId }];
}

export function getXmp(target: XmpTarget): ActionDescriptor {
  return { _obj: 'get', _target: [{ _property: 'XMPMetadataAsUTF8' }, ...ref(target)] };
}

export function setXmp(target: XmpTarget, packet: string): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'property', _property: 'XMPMetadataAsUTF8' }, ...ref(target)],
    to: { _obj: target.layerId === undefined ? 'document' : 'layer', XMPMetadataAsUTF8: packet },
  };
}
