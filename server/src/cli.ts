/** Entry point of the `brandlock` command (bundled to dist/brandlock.mjs). */
import { runCli } from './cli/run-cli';
import { nodeIo } from './cli/node-io';

runCli(process.argv.slice(2), nodeIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`brandlock: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
