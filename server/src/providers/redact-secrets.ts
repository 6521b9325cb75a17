/**
 * Removes provider secrets from any text that may reach an error message, a log line or a response.
 * Providers sometimes echo what they were sent ("invalid token r8_..."), so every message built from
 * a provider response passes through here.
 */

const MIN_SECRET_LENGTH = 6;

/** Replaces every occurrence of each secret (and its base64 and URL-encoded forms) with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])) {
      out = out.split(form).join('[redacted]');
    }
  }
  return out;
}
