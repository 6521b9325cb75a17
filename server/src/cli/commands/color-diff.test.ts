import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const lock = new URL('../../../../samples/brand-lock.json', import.meta.url).pathname;


describe('brandlock color diff', () => {
  it('gives Sharma pair 1 as 2.0425 from two lab() colours', async () => {
    const io = captureIo();
    expect(await runCli(['color', 'diff', 'lab(50 2.6772 -79.7751)', 'lab(50 0 -82.7485)', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ deltaE00: 2.0425, a: { source: 'lab' }, b: { source: 'lab' } });
  });

  it('resolves swatch ids against the lock and names each colour\'s nearest swatch', async () => {
    const io = captureIo();
    expect(await runCli(['color', 'diff', '#20304a', 'ink', '--lock', lock], io)).toBe(0);
    expect(io.stdout).toMatch(/a {2}#20304a {2}lab\(\S+ \S+ \S+\) {2}nearest swatch (ink|indigo-rinse), ΔE00 \d+\.\d\d/);
    expect(io.stdout).toMatch(/b {2}ink \(Ink navy\) #1f2a44 {2}lab\(17\.\d\d 3\.\d\d -17\.\d\d\) {2}nearest swatch ink, ΔE00 0\.00 \(within its tolerance 2\)/);
    expect(io.stdout).toMatch(/ΔE00 \d+\.\d\d: /);
  });

  it('explains a colour it cannot read', async () => {
    let io = captureIo();
    expect(await runCli(['color', 'diff', 'navy', '#fff'], io)).toBe(1);
    expect(io.stderr).toMatch(/colour a: "navy" is not an sRGB hex colour/);
    io = captureIo();
    expect(await runCli(['color', 'diff', 'poppi', '#fff', '--lock', lock], io)).toBe(1);
    expect(io.stderr).toMatch(/did you mean "poppy"\?/);
  });
});
