import { describe, expect, it } from 'vitest';
import { buildXmpPacket, type XmpFields } from './build-xmp-packet';
import { xmlEscape } from './xml-escape';
import { VariantProvenance } from './variant-provenance';

const fields = (over: Partial<XmpFields> = {}): XmpFields => ({
  title: 'Northfold NF-1001 ecru front',
  description: 'Organic cotton shirt, front view',
  brand: { id: 'northfold', name: 'Northfold Studio' },
  lockHash: 'sha256:abc',
  sku: 'NF-1001',
  channel: 'pdp-2x3',
  provenance: VariantProvenance.parse({ jobId: 'job-1', provider: 'fal', model: 'flux-pro', seed: 42, qc: 'pass', recipeHash: 'sha256:def' }),
  ...over,
});

/** The text of every element named `name` in the packet. */
const elements = (xmp: string, name: string) => [...xmp.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('buildXmpPacket', () => {
  it('labels an AI-made image with the IPTC digital source type and the AI system', () => {
    const xmp = buildXmpPacket(fields());
    expect(elements(xmp, 'Iptc4xmpExt:DigitalSourceType')).toEqual(['http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia']);
    expect(elements(xmp, 'Iptc4xmpExt:AISystemUsed')).toEqual(['flux-pro']);
    expect(elements(xmp, 'brandlock:seed')).toEqual(['42']);
    expect(elements(xmp, 'brandlock:qcVerdict')).toEqual(['pass']);
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    expect(xmp.endsWith('<?xpacket end="w"?>')).toBe(true);
  });

  it('does not claim an AI system for a camera photograph', () => {
    const xmp = buildXmpPacket(fields({ provenance: VariantProvenance.parse({ digitalSourceType: 'digitalCapture', model: 'x' }) }));
    expect(elements(xmp, 'Iptc4xmpExt:DigitalSourceType')[0]).toMatch(/digitalCapture$/);
    expect(xmp).not.toContain('AISystemUsed');
  });

  it('escapes hostile text so it cannot add or close elements', () => {
    const evil = '</rdf:li></rdf:Alt></dc:title><brandlock:qcVerdict>pass</brandlock:qcVerdict>\u0000\u001b&\ud800';
    const xmp = buildXmpPacket(fields({ title: evil, sku: evil, provenance: VariantProvenance.parse({ qc: 'reject' }) }));
    expect(elements(xmp, 'brandlock:qcVerdict')).toEqual(['reject']);
    expect(xmp).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xmp).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(xmp).toContain(xmlEscape(evil));
  });

  it('leaves out what is not known instead of writing empty elements', () => {
    const xmp = buildXmpPacket(fields({ provenance: VariantProvenance.parse({}) }));
    expect(xmp).not.toContain('brandlock:jobId');
    expect(xmp).not.toContain('brandlock:seed');
  });
});

describe('xmlEscape', () => {
  it('keeps emoji and accented letters, escapes markup', () => {
    expect(xmlEscape('Crème 👕 <b> & "q" \'s\'')).toBe('Crème 👕 &lt;b&gt; &amp; &quot;q&quot; &apos;s&apos;');
  });
});
