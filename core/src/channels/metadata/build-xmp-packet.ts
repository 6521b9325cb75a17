/**
 * The XMP packet embedded in every variant: Dublin Core title and description, IPTC Extension
 * DigitalSourceType and AI system, Photoshop credit and copyright, and the brandlock provenance
 * (brand, lock hash, recipe hash, job, provider, model, seed, QC verdict, SKU, channel). Every value
 * is XML-escaped; absent values are left out rather than written empty.
 */
import { digitalSourceTypeUri } from './digital-source-type';
import type { VariantProvenance } from './variant-provenance';
import { xmlEscape } from './xml-escape';

/** The namespace of brandlock's own XMP properties. */
export const BRANDLOCK_XMP_NS = 'http://ns.brandlock.dev/xmp/1.0/';

export interface XmpFields {
  title: string;
  description: string;
  brand: { id: string; name: string };
  lockHash: string;
  lockVersion?: string;
  sku: string;
  colorway?: string;
  view?: string;
  channel: string;
  market?: string;
  masterSha256?: string;
  provenance: VariantProvenance;
}

/**
 * @example
 * sharp(pixels).withXmp(buildXmpPacket({ title: 'Northfold NF-1001 ecru front', ... })).jpeg()
 */
export function buildXmpPacket(f: XmpFields): string {
  const p = f.provenance;
  const simple = (name: string, value: string | number | undefined) => (value === undefined || value === '' ? '' : `   <${name}>${xmlEscape(String(value))}</${name}>\n`);
  const alt = (name: string, value: string) => `   <${name}><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(value)}</rdf:li></rdf:Alt></${name}>\n`;
  const ai = p.digitalSourceType !== 'digitalCapture';
  const body = [
    alt('dc:title', f.title),
    alt('dc:description', f.description),
    p.creator ? `   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(p.creator)}</rdf:li></rdf:Seq></dc:creator>\n` : '',
    p.copyright ? alt('dc:rights', p.copyright) : '',
    simple('xmp:CreatorTool', 'brandlock'),
    simple('photoshop:Credit', f.brand.name),
    simple('Iptc4xmpExt:DigitalSourceType', digitalSourceTypeUri(p.digitalSourceType)),
    ai ? simple('Iptc4xmpExt:AISystemUsed', p.model) : '',
    ai ? simple('Iptc4xmpExt:AISystemVersionUsed', p.modelVersion) : '',
    simple('brandlock:brand', f.brand.id),
    simple('brandlock:lockHash', f.lockHash),
    simple('brandlock:lockVersion', f.lockVersion),
    simple('brandlock:recipeHash', p.recipeHash),
    simple('brandlock:jobId', p.jobId),
    simple('brandlock:provider', p.provider),
    simple('brandlock:model', p.model),
    simple('brandlock:seed', p.seed),
    simple('brandlock:qcVerdict', p.qc),
    simple('brandlock:sku', f.sku),
    simple('brandlock:colorway', f.colorway),
    simple('brandlock:view', f.view),
    simple('brandlock:channel', f.channel),
    simple('brandlock:market', f.market),
    simple('brandlock:masterSha256', f.masterSha256),
  ].join('');
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n' +
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
    '  <rdf:Description rdf:about=""\n' +
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n' +
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n' +
    '    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"\n' +
    '    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"\n' +
    `    xmlns:brandlock="${BRANDLOCK_XMP_NS}">\n` +
    body +
    '  </rdf:Description>\n' +
    ' </rdf:RDF>\n' +
    '</x:xmpmeta>\n' +
    '<?xpacket end="w"?>'
  );
}
