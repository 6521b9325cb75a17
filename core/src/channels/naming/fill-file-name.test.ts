import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillFileName, type NamingValues } from './fill-file-name';
import { sanitizeNameToken } from './sanitize-name-token';
import { createNameRegistry } from './name-registry';
import type { Naming } from '../../brand/naming';

const naming: Naming = { template: '{brand}_{sku}_{colorway}_{view}_{channel}_{width}x{height}.{ext}', maxLength: 120, case: 'lower' };
const base: NamingValues = { brand: 'northfold', sku: 'NF-1001', colorway: 'Ecru', view: 'front', channel: 'pdp-2x3', width: 2000, height: 3000, ext: 'jpg' };
const name = (values: NamingValues, n: Naming = naming) => {
  const res = fillFileName(n, values);
  if (!res.success) throw new Error(res.issues.map((i) => i.message).join('; '));
  return res.name;
};

describe('fillFileName', () => {
  it('fills the template from brief, job and spec', () => {
    expect(name(base)).toBe('northfold_nf-1001_ecru_front_pdp-2x3_2000x3000.jpg');
  });

  it.each([
    ['../../etc/x', 'northfold_etc-x_ecru'],
    ['a/b', 'northfold_a-b_ecru'],
    ['a\\b', 'northfold_a-b_ecru'],
    ['NF\u0000-10\n01\u001b[31m', 'northfold_nf-10-01-31m_ecru'],
    ['Crème Brûlée', 'northfold_creme-brulee_ecru'],
    ['..', null],
  ])('makes the hostile SKU %j safe', (sku, prefix) => {
    const res = fillFileName(naming, { ...base, sku });
    if (prefix === null) {
      expect(res).toMatchObject({ success: false, issues: [{ token: 'sku', code: 'unsafe_token' }] });
      return;
    }
    expect(res.success).toBe(true);
    if (!res.success) return;
    expect(res.name.startsWith(prefix)).toBe(true);
    expect(res.changed).toEqual([{ token: 'sku', from: sku, to: expect.any(String) }]);
  });

  it('shortens a 5,000-character SKU to a bounded, still-unique token', () => {
    const a = name({ ...base, sku: 'A'.repeat(5000) });
    const b = name({ ...base, sku: 'A'.repeat(4999) + 'B' });
    expect(a.length).toBeLessThanOrEqual(120);
    expect(a).not.toBe(b);
  });

  it('refuses a name over the DAM length limit instead of cutting it', () => {
    const res = fillFileName({ ...naming, maxLength: 40 }, base);
    expect(res).toMatchObject({ success: false, issues: [{ code: 'too_long' }] });
  });

  it('names the token the template needs but nobody gave', () => {
    const res = fillFileName(naming, { ...base, colorway: '' });
    expect(res).toMatchObject({ success: false, issues: [{ token: 'colorway', code: 'missing_token', message: expect.stringContaining('{colorway}') }] });
  });

  it('never yields a path, a parent reference, a control character or a reserved device name', () => {
    expect(fillFileName({ template: '{sku}.{ext}', maxLength: 120, case: 'keep' }, { sku: 'CON', ext: 'jpg' })).toMatchObject({ success: false, issues: [{ code: 'unsafe_name' }] });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 40 }), (sku, colorway) => {
        const res = fillFileName(naming, { ...base, sku, colorway });
        if (!res.success) return;
        expect(res.name).toMatch(/^[a-z0-9][a-z0-9_.-]*\.jpg$/);
        expect(res.name).not.toContain('..');
        expect(res.name.length).toBeLessThanOrEqual(120);
      }),
      { numRuns: 2000 },
    );
  });

  it('pads the index to two digits', () => {
    expect(name({ sku: 'x', index: 3, ext: 'png' }, { template: '{sku}-{index}.{ext}', maxLength: 50, case: 'keep' })).toBe('x-03.png');
  });
});

describe('sanitizeNameToken', () => {
  it('leaves safe values alone', () => {
    expect(sanitizeNameToken('NF-1001')).toEqual({ value: 'NF-1001', changed: false });
  });
});

describe('createNameRegistry', () => {
  it('reports two SKUs that sanitise to one name, and existing files, whatever the case', () => {
    const names = createNameRegistry([['northfold_x_ecru_front.jpg', 'an existing file']]);
    const ab = name({ ...base, sku: 'A/B' });
    expect(names.claim(ab, 'SKU "A/B"')).toEqual({ success: true });
    expect(names.claim(name({ ...base, sku: 'A-B' }), 'SKU "A-B"')).toEqual({ success: false, takenBy: 'SKU "A/B"' });
    expect(names.claim('NORTHFOLD_X_ECRU_FRONT.jpg', 'SKU "X"')).toEqual({ success: false, takenBy: 'an existing file' });
  });
});
