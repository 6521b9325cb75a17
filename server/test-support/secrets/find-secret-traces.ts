/**
 * An independent leak detector for tests: instead of encoding the secrets the way the redactor does,
 * it decodes what was written (JSON escapes, percent-encoding, base64 runs at every offset) and looks
 * in every decoded view for any secret, any part of it, or any run of 8 of its characters that is
 * not all letters.
 */

const WINDOW = 8;

/** The substrings whose presence means a leak: each part whole, and every 8-character run of long ones. */
export function leakNeedles(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    for (const part of new Set([secret, ...secret.split(/[:_@]/)])) {
      if (part.length < 6) continue;
      if (part.length < 12) out.add(part);
      // Runs of letters only are words as often as secrets; the redactor's contract leaves them out.
      else for (let i = 0; i + WINDOW <= part.length; i++) if (/[^A-Za-z]/.test(part.slice(i, i + WINDOW))) out.add(part.slice(i, i + WINDOW));
    }
  }
  return [...out];
}

function jsonUnescaped(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(["\\/])/g, '$1');
}

function percentDecoded(text: string): string {
  return text.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function base64Decoded(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    const std = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    for (let offset = 0; offset < 4; offset++) {
      const slice = std.slice(offset);
      out.push(Buffer.from(slice.slice(0, slice.length - (slice.length % 4)), 'base64').toString('latin1'));
    }
  }
  return out;
}

/** What of `secrets` can still be read in `text`, in any of the forms above; [] when nothing. */
export function findSecretTraces(text: string, secrets: readonly string[]): string[] {
  const views = new Set<string>();
  for (const v of [text, jsonUnescaped(text), percentDecoded(text), percentDecoded(jsonUnescaped(text)), jsonUnescaped(percentDecoded(text))]) {
    views.add(v);
    for (const d of base64Decoded(v)) views.add(d);
  }
  const all = [...views].join('\n');
  return leakNeedles(secrets).filter((n) => all.includes(n));
}
