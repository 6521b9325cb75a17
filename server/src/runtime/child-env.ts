/**
 * The environment of the child processes that work on files from outside: the render processes, the
 * QC worker processes and FFmpeg. They decode uploads and provider results with libvips and FFmpeg,
 * whose parsers are where a hostile file would strike, and none of them calls a provider or opens the
 * database. So they get this process's environment without the variables that hold credentials: a
 * child an attacker's file takes over finds no provider key, webhook secret or database password in
 * its environment (/proc/self/environ), which it would otherwise inherit whole.
 */

/**
 * Names that hold credentials: a KEY, TOKEN, SECRET, PASSWORD, PASS, AUTH or CREDENTIAL(S) part
 * (FAL_KEY, REPLICATE_API_TOKEN, REPLICATE_WEBHOOK_SECRET, RUNWAYML_API_SECRET, COMFYUI_TOKEN,
 * PGPASSWORD, AWS_SECRET_ACCESS_KEY, npm's _auth), and DATABASE_URL.
 */
const CREDENTIAL_NAME = /(?:^|_)(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|AUTH|CREDENTIALS?)(?:_|$)|^PGPASSWORD$|^DATABASE_URL$/i;

/** A URL carrying a user name or password (COMFYUI_URL=https://user:pass@…, a proxy with a login). */
function hasLogin(value: string): boolean {
  if (!value.includes('@') || !value.includes('://')) return false;
  try {
    const url = new URL(value);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

/**
 * This process's environment less every credential, for a child process that handles outside files.
 * @example fork(script, [], { env: childEnv() })
 */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || CREDENTIAL_NAME.test(name) || hasLogin(value)) continue;
    out[name] = value;
  }
  return out;
}
