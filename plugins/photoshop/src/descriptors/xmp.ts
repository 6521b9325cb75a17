/**
 * Reading and writing XMP on an open document or on one of its layers. A document's XMP is its
 * `XMPMetadataAsUTF8` property (Adobe's documented route for open documents). A layer's XMP is
 * written through the same property on the layer, but read back from the layer's `metadata`
 * property, as `metadata.layerXMP` (the key the PSD stores it under); a layer with no XMP, or a
 * read Photoshop refuses, counts as no XMP. Layer XMP is saved in the PSD, which is where a generated
 * layer's production record lives.
 */
import type { ActionDescriptor, ActionResult } from '../ports/ps-host';

export type XmpTarget = { documentId: number; layerId?: number };

function ref(target: XmpTarget): Record<string, unknown>[] {
  return target.layerId === undefined
    ? [{ _ref: 'document', _id: target.documentId }]
    : [{ _ref: 'layer', _id: target.layerId }, { _ref: 'document', _id: target.documentId }];
}

export function getXmp(target: XmpTarget): ActionDescriptor {
  return { _obj: 'get', _target: [{ _property: target.layerId === undefined ? 'XMPMetadataAsUTF8' : 'metadata' }, ...ref(target)] };
}

/** The XMP packet in the answer to `getXmp(target)`; undefined when there is none or the read failed. */
export function xmpFromResult(result: ActionResult | undefined, target: XmpTarget): string | undefined {
  if (!result || result._obj === 'error') return undefined;
  const value = target.layerId === undefined ? result.XMPMetadataAsUTF8 : (result.metadata as { layerXMP?: unknown } | undefined)?.layerXMP;
  return typeof value === 'string' && value ? value : undefined;
}

export function setXmp(target: XmpTarget, packet: string): ActionDescriptor {
  return {
    _obj: 'set',
    _target: [{ _ref: 'property', _property: 'XMPMetadataAsUTF8' }, ...ref(target)],
    to: { _obj: target.layerId === undefined ? 'document' : 'layer', XMPMetadataAsUTF8: packet },
  };
}
