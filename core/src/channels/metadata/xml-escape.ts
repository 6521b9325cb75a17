/**
 * Escapes text for XML element content and attribute values, and drops what XML 1.0 cannot carry at
 * all (C0 control characters other than tab, newline and return; lone surrogates; U+FFFE and U+FFFF),
 * so a hostile title cannot break or inject into the XMP packet.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** A surrogate pair (kept) or a lone surrogate (dropped); no lookbehind, for older JS engines. */
const SURROGATES = /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g;

/** @example xmlEscape('<a href="x">Tom & "Jerry"</a>') // '&lt;a href=&quot;x&quot;&gt;Tom &amp; &quot;Jerry&quot;&lt;/a&gt;' */
export function xmlEscape(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(SURROGATES, (m) => (m.length === 2 ? m : ''))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
