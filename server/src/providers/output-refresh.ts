/**
 * Fetches an output and, when its URL has expired, asks the provider for the job again and fetches
 * the fresh URL of the same output (Runway re-signs result URLs on every task read). When the
 * provider has no fresher URL the original `output_expired` error stands (the output is gone); when
 * the fresh one fails too, the error is retryable, since the provider still has the output.
 */
import { ProviderCallError, type ProviderOutput, type ProviderStatus } from './provider';
import type { FetchedOutput } from './safe-fetch';

export async function fetchRefreshingExpired(
  output: ProviderOutput,
  fetchUrl: (url: string) => Promise<FetchedOutput>,
  status: (providerJobId: string) => Promise<ProviderStatus>,
): Promise<FetchedOutput> {
  if (output.bytes) return { bytes: output.bytes, contentType: output.contentType ?? 'application/octet-stream' };
  if (!output.url) throw new Error('provider output has neither a URL nor bytes');
  try {
    return await fetchUrl(output.url);
  } catch (err) {
    if (!(err instanceof ProviderCallError) || err.error.code !== 'output_expired' || !output.refresh) throw err;
    const again = await status(output.refresh.providerJobId);
    const fresh = again.outputs?.[output.refresh.index]?.url;
    if (!fresh || fresh === output.url) {
      const reason = again.error?.code === 'output_expired' ? again.error.message : 'the provider has no fresh URL for it';
      throw new ProviderCallError(err.provider, { ...err.error, message: `${err.error.message}; ${reason}` });
    }
    try {
      return await fetchUrl(fresh);
    } catch (again) {
      // The provider still has the output (it just signed a new URL): worth reading the job again later.
      if (again instanceof ProviderCallError && again.error.code === 'output_expired') {
        throw new ProviderCallError(again.provider, { ...again.error, message: `${again.error.message}; the fresh URL failed too, so the job will be read again`, retryable: true });
      }
      throw again;
    }
  }
}
