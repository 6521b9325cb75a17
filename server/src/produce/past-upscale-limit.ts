/**
 * Which delivered channel files were enlarged past the lock's maxUpscale for their channel (`produce`
 * delivers them and says so: in the manifest's counts and in the run's summary).
 */
import type { DeliveredFile } from './delivery-ledger';

/** Channel files whose recorded enlargement is over their channel's limit. */
export function pastUpscaleLimit<F extends Pick<DeliveredFile, 'kind' | 'upscale' | 'maxUpscale'>>(files: readonly F[]): F[] {
  return files.filter((f) => f.kind === 'variant' && f.upscale !== undefined && f.maxUpscale !== undefined && f.upscale > f.maxUpscale + 1e-3);
}
