// npm run demo produces the sample season as an approved production: every category of the sample
// lock has its current recipe approved in samples/northfold.approvals.jsonl. A change to the sample
// lock's look (recipe, lighting, LUT, cast, poses) undoes that; this test says so before the demo
// starts refusing categories. To re-approve after a deliberate change:
//   node scripts/run-ts.mjs server/src/cli.ts recipe approve --all --lock samples/brand-lock.json --by "Northfold art direction (sample)"
import { expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { captureIo } from '../../test-support/capture-io';

const samples = new URL('../../../samples/', import.meta.url).pathname;

it('every category of the sample lock has its current recipe approved, so the demo is not refused', async () => {
  const io = captureIo(samples);
  const code = await runCli(['recipe', 'status', '--lock', 'brand-lock.json'], io);
  expect(io.stdout.split('\n').filter((l) => /^ {2}NO /.test(l)), 'the sample lock\'s look changed: re-approve (see this file\'s header)').toEqual([]);
  expect(code).toBe(0);
});
