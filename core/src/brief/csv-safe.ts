/**
 * CSV cells that begin with `=`, `+`, `-`, `@`, tab or carriage return are formulas to a spreadsheet.
 * We never evaluate them: on reading they are plain data, and on writing they are prefixed with an
 * apostrophe and quoted (the OWASP recommendation), so opening our CSV in Excel runs nothing.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes one value for a CSV cell.
 * @example csvCell('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Undoes csvCell's apostrophe guard when reading a cell we (or a careful tool) wrote. */
export function unguardCell(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Serialises rows (first row = header) as CSV with CRLF line ends and guarded cells. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
