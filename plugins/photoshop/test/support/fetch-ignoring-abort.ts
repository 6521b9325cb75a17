// A fetch that never aborts what it has started, whatever signal it is given: the conservative reading
// of UXP's "AbortSignal works only for web streams" (uxp-api/reference-js/global-members/html-dom/
// abort-signal.md). A panel whose Cancel relied on the signal would keep waiting on a job's event stream
// until the job ended; the session must cancel at the server without it.
export const fetchIgnoringAbort = (input: unknown, init?: Record<string, unknown>) => {
  const rest = { ...(init ?? {}) };
  delete rest.signal;
  // A Request carries its own signal (ky puts it there); `signal: null` drops it, `undefined` would keep it.
  if (input instanceof Request) return fetch(new Request(input, { signal: null }), rest as RequestInit);
  return fetch(input as string, rest as RequestInit);
};
