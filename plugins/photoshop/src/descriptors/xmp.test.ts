// XMP get/set against ../shared/reference/uxp.md 2.6 (Adobe's documented snippet; uxp-toolkit's
// metadataStorage uses `_obj: "document"` in `to`, and the same property with a layer reference).
import { expect, it } from 'vitest';
import { getXmp, setXmp, xmpFromResult } from './xmp';

it('reads document XMP as documented, by document id', () => {
  expect(getXmp({ documentId: 3 })).toEqual({ _obj: 'get', _target: [{ _property: 'XMPMetadataAsUTF8' }, { _ref: 'document', _id: 3 }] });
});

it('writes document XMP as documented', () => {
  expect(setXmp({ documentId: 3 }, '<x/>')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'property', _property: 'XMPMetadataAsUTF8' }, { _ref: 'document', _id: 3 }],
    to: { _obj: 'document', XMPMetadataAsUTF8: '<x/>' },
  });
});

it('reads layer XMP from the layer\'s metadata (layerXMP), writes it through XMPMetadataAsUTF8', () => {
  expect(getXmp({ documentId: 3, layerId: 9 })._target).toEqual([
    { _property: 'metadata' },
    { _ref: 'layer', _id: 9 },
    { _ref: 'document', _id: 3 },
  ]);
  expect(setXmp({ documentId: 3, layerId: 9 }, '<x/>')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'property', _property: 'XMPMetadataAsUTF8' }, { _ref: 'layer', _id: 9 }, { _ref: 'document', _id: 3 }],
    to: { _obj: 'layer', XMPMetadataAsUTF8: '<x/>' },
  });
});

it('takes the packet from either answer, and no packet from an error or a layer without XMP', () => {
  expect(xmpFromResult({ XMPMetadataAsUTF8: '<d/>' }, { documentId: 3 })).toBe('<d/>');
  expect(xmpFromResult({ metadata: { layerXMP: '<l/>' } }, { documentId: 3, layerId: 9 })).toBe('<l/>');
  expect(xmpFromResult({ metadata: {} }, { documentId: 3, layerId: 9 })).toBeUndefined();
  expect(xmpFromResult({ _obj: 'error', message: 'not available', result: -25920 }, { documentId: 3, layerId: 9 })).toBeUndefined();
});
