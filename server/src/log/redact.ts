/** Removes secret values from text that may reach a response or the database (provider error messages). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (s) out = out.split(s).join('[redacted]');
  return out;
}
