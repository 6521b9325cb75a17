// Holds the panel's requests to the server in Chromium (page.route) so a screenshot catches a run in
// the middle, then lets them through; or answers them with an error, as a failing server would.
import type { Page, Route } from 'playwright-core';

export async function holdRequests(page: Page, pattern: string | RegExp): Promise<{ release(): Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  // A request that arrives while release() runs (after the held ones are let go, before unroute takes
  // effect) goes straight through: it used to be held with nobody left to let it go, and the run hung.
  const handler = (route: Route) => void (released ? route.continue() : held.push(route));
  await page.route(pattern, handler);
  return {
    async release() {
      released = true;
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(pattern, handler);
    },
  };
}

export async function failRequests(page: Page, pattern: string | RegExp, status: number, message: string): Promise<() => Promise<void>> {
  const handler = (route: Route) =>
    void route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message, issues: [] } }) });
  await page.route(pattern, handler);
  return () => page.unroute(pattern, handler);
}
