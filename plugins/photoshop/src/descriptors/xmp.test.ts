// XMP get/set against ../shared/reference/uxp.md 2.6 (Adobe's documented snippet; uxp-toolkit's
// metadataStorage uses `_obj: "document"` in `to`, and the same property with a layer reference).
import { expect, it } from 'vitest';
import { getXmp, setXmp } from './xmp';

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

it('targets a layer inside its document for layer XMP', () => {
  expect(getXmp({ documentId: 3, layerId: 9 })._target).toEqual([
    { _property: 'XMPMetadataAsUTF8' },
    { _ref: 'layer', _id: 9 },
    { _ref: 'document', _id: 3 },
  ]);
  expect(setXmp({ documentId: 3, layerId: 9 }, '<x/>')).toEqual({
    _obj: 'set',
    _target: [{ _ref: 'property', _property: 'XMPMetadataAsUTF8' }, { _ref: 'layer', _id: 9 }, { _ref: 'document', _id: 3 }],
    to: { _obj: 'layer', XMPMetadataAsUTF8: '<x/>' },
  });
});
