/** A variant that could not be made; the batch reports it and goes on with the others. */

export type VariantErrorCode = 'max_bytes' | 'exists' | 'unsafe_path' | 'encode' | 'write';

export class VariantError extends Error {
  override name = 'VariantError';
  constructor(
    readonly code: VariantErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Cross-realm guard. */
export function isVariantError(e: unknown): e is VariantError {
  return (e as Error | null)?.name === 'VariantError';
}
