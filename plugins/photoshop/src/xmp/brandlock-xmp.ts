/**
 * Reads and writes brandlock's own properties in an XMP packet without touching anything else in
 * it (camera data, rights, Photoshop's history). Our properties live in one rdf:Description bound to
 * the brandlock namespace; writing replaces that block, reading accepts both the element form we
 * write and the attribute form Adobe's XMP toolkit may re-serialise it to after a save.
 */

export const BRANDLOCK_XMP_NS = 'https://brandlock.dev/ns/xmp/1.0/';
const PREFIX = 'brandlock';

export type XmpProperties = Record<string, string>;

const nameOk = /^[A-Za-z][A-Za-z0-9]*$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}

const escapedNs = BRANDLOCK_XMP_NS.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Every rdf:Description (self-closing or not) that declares the brandlock namespace. */
function ourBlocks(packet: string): { text: string; prefix: string }[] {
  const found: { text: string; prefix: string }[] = [];
  const re = /<rdf:Description\b[^>]*?(\/>|>[\s\S]*?<\/rdf:Description>)/g;
  for (const m of packet.matchAll(re)) {
    const bind = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapedNs}["']`).exec(m[0]);
    if (bind) found.push({ text: m[0], prefix: bind[1] });
  }
  return found;
}

/** The brandlock properties in a packet (empty when there are none). */
export function readBrandlockXmp(packet: string | null | undefined): XmpProperties {
  const props: XmpProperties = {};
  if (!packet) return props;
  for (const { text, prefix } of ourBlocks(packet)) {
    const open = /^<rdf:Description\b[^>]*>/.exec(text)?.[0] ?? text;
    for (const a of open.matchAll(new RegExp(`\\s${prefix}:(\\w+)\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'))) {
      props[a[1]] = unescapeXml(a[2] ?? a[3] ?? '');
    }
    for (const e of text.matchAll(new RegExp(`<${prefix}:(\\w+)>([\\s\\S]*?)</${prefix}:\\1>`, 'g'))) {
      props[e[1]] = unescapeXml(e[2]);
    }
  }
  return props;
}

function emptyPacket(): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Returns the packet with the brandlock properties merged in (existing brandlock properties are
 * kept unless overwritten). Creates a packet when there is none.
 * Property names must be XML-name-safe ASCII identifiers.
 */
export function writeBrandlockXmp(packet: string | null | undefined, props: XmpProperties): string {
  for (const key of Object.keys(props)) {
    if (!nameOk.test(key)) throw new RangeError(`XMP property name "${key}" must be letters and digits, starting with a letter`);
  }
  let base = packet && /<\/rdf:RDF>/.test(packet) ? packet : emptyPacket();
  const merged = { ...readBrandlockXmp(base), ...props };
  for (const { text } of ourBlocks(base)) base = base.replace(text, '');
  base = base.replace(/\n\s*\n/g, '\n');
  const body = Object.keys(merged)
    .sort()
    .map((k) => ` <${PREFIX}:${k}>${escapeXml(merged[k])}</${PREFIX}:${k}>`)
    .join('\n');
  const block = `<rdf:Description rdf:about="" xmlns:${PREFIX}="${BRANDLOCK_XMP_NS}">\n${body}\n</rdf:Description>\n`;
  const at = base.lastIndexOf('</rdf:RDF>');
  return base.slice(0, at) + block + base.slice(at);
}
