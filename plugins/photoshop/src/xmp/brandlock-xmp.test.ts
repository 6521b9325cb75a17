// brandlock's XMP properties written into, and read back from, packets as Photoshop and the XMP toolkit write them.
import { expect, it } from 'vitest';
import { BRANDLOCK_XMP_NS, readBrandlockXmp, writeBrandlockXmp } from './brandlock-xmp';

const photoshopPacket = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c002">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
   xmp:CreatorTool="Adobe Photoshop 26.2 (Macintosh)"
   photoshop:ColorMode="3"/>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

it('adds our properties and keeps what Photoshop wrote', () => {
  const out = writeBrandlockXmp(photoshopPacket, { qcVerdict: 'flag', lockHash: 'sha256:ab' });
  expect(out).toContain('xmp:CreatorTool="Adobe Photoshop 26.2 (Macintosh)"');
  expect(out).toContain(`xmlns:brandlock="${BRANDLOCK_XMP_NS}"`);
  expect(readBrandlockXmp(out)).toEqual({ qcVerdict: 'flag', lockHash: 'sha256:ab' });
});

it('merges into an earlier brandlock block instead of adding a second one', () => {
  const once = writeBrandlockXmp(photoshopPacket, { qcVerdict: 'reject', jobId: 'j1' });
  const twice = writeBrandlockXmp(once, { qcVerdict: 'pass' });
  expect(twice.match(new RegExp(BRANDLOCK_XMP_NS.replace(/[./]/g, '\\$&'), 'g'))).toHaveLength(1);
  expect(readBrandlockXmp(twice)).toEqual({ qcVerdict: 'pass', jobId: 'j1' });
});

it('escapes hostile values and reads them back unchanged', () => {
  const record = JSON.stringify({ sku: '<NF-1>&"x\'', note: '</brandlock:record>' });
  const out = writeBrandlockXmp(null, { record });
  expect(out).not.toContain('</brandlock:record></brandlock:record>');
  expect(readBrandlockXmp(out).record).toBe(record);
});

it('reads the attribute form and another prefix, as the XMP toolkit may re-serialise it', () => {
  const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:bl="${BRANDLOCK_XMP_NS}" bl:qcVerdict="pass" bl:note="a &amp; b"/></rdf:RDF></x:xmpmeta>`;
  expect(readBrandlockXmp(packet)).toEqual({ qcVerdict: 'pass', note: 'a & b' });
});

it('creates a packet when the document has none, and refuses unsafe property names', () => {
  expect(readBrandlockXmp(writeBrandlockXmp('', { a1: 'x' }))).toEqual({ a1: 'x' });
  expect(() => writeBrandlockXmp(null, { 'a b': 'x' })).toThrow(/letters and digits/);
});
