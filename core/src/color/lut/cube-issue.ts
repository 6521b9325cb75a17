/**
 * What a malformed .cube file gets back: the line, a code a program can branch on, and a message that
 * says what was found and what was expected. A thrown form exists for callers that want one.
 */

export type CubeIssueCode =
  | 'bad_number'
  | 'wrong_entry_count'
  | 'size_out_of_range'
  | 'missing_size'
  | 'duplicate_keyword'
  | 'unknown_keyword'
  | 'bad_keyword_value'
  | 'keyword_after_data'
  | 'bad_domain'
  | 'ambiguous_domain';

export interface CubeIssue {
  /** 1-based line number in the file. */
  line: number;
  code: CubeIssueCode;
  message: string;
}

/**
 * "file.cube:12: message", the way compilers print it.
 * @example formatCubeIssue({ line: 3, code: 'bad_number', message: '...' }, 'grade.cube') // 'grade.cube:3: ...'
 */
export function formatCubeIssue(issue: CubeIssue, file?: string): string {
  return `${file ? `${file}:` : 'line '}${issue.line}: ${issue.message}`;
}

/** A .cube file that cannot be read, as an exception (for callers that throw). */
export class CubeParseError extends Error {
  override name = 'CubeParseError';
  constructor(
    readonly issue: CubeIssue,
    readonly file?: string,
  ) {
    super(formatCubeIssue(issue, file));
  }
}

/**
 * Cross-realm guard (instanceof fails between the Figma iframe and main thread, and in UXP).
 * @example try { parseCubeOrThrow(text) } catch (e) { if (isCubeParseError(e)) showLine(e.issue.line) }
 */
export function isCubeParseError(error: unknown): error is CubeParseError {
  return (error as { name?: unknown } | null)?.name === 'CubeParseError';
}
