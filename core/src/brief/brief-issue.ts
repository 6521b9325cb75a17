/**
 * Problems found in a brief, as data: which row (spreadsheet numbering, header = row 1) or JSON
 * index, which column, what was found and what was expected. Errors skip the row; warnings do not.
 */

export interface BriefIssue {
  /** Spreadsheet row number (the header is row 1), or the JSON array index + 1; null for file-level issues. */
  row: number | null;
  /** Canonical column name (see BRIEF_COLUMNS), or null. */
  column: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  found?: string;
  expected?: string;
  /** The SKU on that row, when it could be read, so reports can name it. */
  sku?: string;
}

/** One line: `row 7, swatch: unknown palette swatch "poppi"; did you mean "poppy"? (found ...)`. */
export function formatBriefIssue(issue: BriefIssue, source = ''): string {
  const where = [source, issue.row !== null ? `row ${issue.row}` : '', issue.column ?? ''].filter(Boolean).join(', ');
  const extra = [issue.found !== undefined ? `found ${issue.found}` : '', issue.expected ? `expected ${issue.expected}` : ''].filter(Boolean).join('; ');
  const sku = issue.sku ? ` [${issue.sku}]` : '';
  return `${where ? `${where}: ` : ''}${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}${sku}${extra ? ` (${extra})` : ''}`;
}
