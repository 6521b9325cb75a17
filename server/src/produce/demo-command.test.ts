// The README's first command is `npm ci && npm run demo`, and says it produces the sample season into
// ./delivery. This keeps the root package's demo script doing exactly that (it once only checked the
// lock and printed the plan).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

it('npm run demo builds, then produces the sample season into ./delivery, as the README says', () => {
  const demo: string = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).scripts.demo;
  const steps = demo.split('&&').map((s) => s.trim());
  expect(steps).toEqual(['npm run build', 'dist/brandlock.mjs produce samples/brief.csv --lock samples/brand-lock.json --out delivery']);
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  expect(readme).toContain('npm ci && npm run demo');
  expect(readme).toMatch(/`npm run demo` produces the sample season[^]*into `\.\/delivery`/);
});
