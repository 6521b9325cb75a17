import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Code with comments and string literals removed, so only real uses of the global count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}

describe('the host boundary', () => {
  it('only src/main/ touches the figma global', () => {
    const offenders = sources(src)
      .filter((f) => !relative(src, f).startsWith('main/'))
      .filter((f) => /\bfigma\s*\.|\b__html__\b/.test(code(readFileSync(f, 'utf8'))))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('src/main/ never touches the DOM or the network (the UI does both)', () => {
    const offenders = sources(join(src, 'main'))
      .filter((f) => /\b(window|document|fetch|XMLHttpRequest|OffscreenCanvas)\b/.test(code(readFileSync(f, 'utf8'))))
      .map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
