import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCube } from './grade-image';

const cube = readFileSync(new URL('../../../../../samples/luts/warm-studio.cube', import.meta.url), 'utf8');

describe('loadCube', () => {
  it('parses a .cube once: the same file gives the same parsed LUT back, another file its own', () => {
    const first = loadCube(cube, 'luts/warm-studio.cube');
    expect(first.success).toBe(true);
    expect(loadCube(cube, 'luts/warm-studio.cube')).toBe(first);
    const edited = loadCube(cube.replace('0.030000 0.030000 0.030000', '0.031000 0.030000 0.030000'), 'luts/warm-studio.cube');
    expect(edited).not.toBe(first);
    expect(loadCube('TITLE "x"\nLUT_3D_SIZE 2\n0 0', 'bad.cube')).toMatchObject({ success: false, message: expect.stringMatching(/^bad\.cube/) });
  });
});
