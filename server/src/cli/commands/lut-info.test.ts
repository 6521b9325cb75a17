import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli';
import { captureIo } from '../../../test-support/capture-io';

const fixture = (p: string) => new URL(`../../../../${p}`, import.meta.url).pathname;


describe('brandlock lut info', () => {
  it('describes a Resolve shaper + cube LUT', async () => {
    const io = captureIo();
    expect(await runCli(['lut', 'info', fixture('core/test-fixtures/luts/ocio/resolve_1d3d.cube')], io)).toBe(0);
    expect(io.stdout).toContain('shape     1D 6 shaper + 3D 3³ (33 entries)');
    expect(io.stdout).toContain('domain    -1..3');
    expect(io.stdout).toContain('3D input  0..4');
    expect(io.stdout).toMatch(/3 table values fall outside 0\.\.1/);
  });

  it('gives JSON with per-channel domains and parser warnings', async () => {
    const io = captureIo();
    expect(await runCli(['lut', 'info', fixture('core/test-fixtures/luts/colour-science/resolve_cube/eotf_sRGB_3D.cube'), '--json'], io)).toBe(0);
    const info = JSON.parse(io.stdout);
    expect(info).toMatchObject({ ok: true, title: 'sRGB EOTF', shape: '3D 8³', domain: { min: [-1, -1, -1], max: [3, 3, 3] } });
    expect(info.warnings[0]).toMatch(/eotf_sRGB_3D\.cube:5: LUT_1D_INPUT_RANGE in a file without a 1D table/);
  });

  it('names the file, line and problem of a broken LUT, and a missing file', async () => {
    let io = captureIo();
    expect(await runCli(['lut', 'info', fixture('core/test-fixtures/luts/malformed/duplicate-size.cube')], io)).toBe(1);
    expect(io.stderr).toMatch(/duplicate-size\.cube:2: LUT_3D_SIZE given twice \(first on line 1\)/);
    io = captureIo();
    expect(await runCli(['lut', 'info', '/nonexistent/grade.cube'], io)).toBe(1);
    expect(io.stderr).toMatch(/grade\.cube: no such file/);
  });
});
