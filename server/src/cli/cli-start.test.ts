// What `brandlock` loads before it knows the command: the bundled entry's static imports (the built
// bundle from the test set-up, as users run it). A command's own work loads when it runs, so a quick
// command such as `lut apply` does not first compile the lock schema, the brief parser and the
// database (1.3 MB of JavaScript, a third of a second of CPU, before this was so).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The entry file and every chunk it imports statically, transitively. */
function staticGraph(dir: string, entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = readFileSync(join(dir, file), 'utf8');
    seen.set(file, text);
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["']\.\/([\w.-]+\.mjs)["']/gms)) visit(m[1]);
  };
  visit(entry);
  return seen;
}

describe('brandlock start-up', () => {
  it('loads no command, schema, parser, database or image library before it knows the command', () => {
    const dir = process.env.BRANDLOCK_WORKER_DIR!;
    const graph = staticGraph(dir, 'brandlock.mjs');
    const text = [...graph.values()].join('\n');
    expect(text).toContain('server/src/cli/run-cli.ts');
    for (const heavy of ['node_modules/zod/', 'node_modules/papaparse/', 'server/src/store/', 'from "sharp"', 'server/src/cli/commands/lut-apply.ts']) expect(text, heavy).not.toContain(heavy);
    expect(graph.size).toBeLessThanOrEqual(3);
  });
});
