/**
 * Turns a source image into a `data:` URI for providers that take images inline (fal, Replicate for
 * small files, Runway), with a size cap so a huge upload never becomes a huge JSON body.
 */
import { ProviderCallError, type ProviderName, type ProviderSource } from './provider';

export async function sourceDataUri(provider: ProviderName, source: ProviderSource, maxBytes: number): Promise<string> {
  const bytes = await source.read();
  if (bytes.byteLength > maxBytes) {
    throw new ProviderCallError(provider, {
      code: 'source_too_large',
      message: `source image ${source.sha256.slice(0, 12)} is ${bytes.byteLength} bytes; ${provider} takes at most ${maxBytes} inline`,
      retryable: false,
    });
  }
  if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(source.contentType)) {
    throw new ProviderCallError(provider, { code: 'bad_source', message: `source image has an invalid content type "${source.contentType.slice(0, 60)}"`, retryable: false });
  }
  return `data:${source.contentType};base64,${Buffer.from(bytes).toString('base64')}`;
}
