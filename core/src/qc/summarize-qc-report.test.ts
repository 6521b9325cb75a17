import { describe, expect, it } from 'vitest';
import { summarizeQcReport } from './summarize-qc-report';
import type { QcImageRecord } from './qc-report';
import type { Finding } from './finding';

const f = (rule: Finding['rule'], check: string, severity: Finding['severity'], measured: number): Finding => ({ rule, check, severity, message: '', measured, unit: '', limits: null });

function rec(category: string | null, verdict: QcImageRecord['verdict'], findings: Finding[]): QcImageRecord {
  return { file: 'x', verdict, sku: null, colorway: null, view: null, target: null, category, categoryName: category, lighting: null, swatch: null, width: null, height: null, format: null, bytes: null, findings, metrics: null, ms: 0, ...(verdict === 'error' ? { error: { code: 'corrupt', message: 'bad' } } : {}) };
}

describe('summarizeQcReport', () => {
  const s = summarizeQcReport([
    rec('jersey', 'pass', [f('color', 'delta-e', 'pass', 0.7)]),
    rec('jersey', 'reject', [f('color', 'delta-e', 'reject', 4.2), f('sharpness', 'blur', 'flag', 1.4)]),
    rec('jersey', 'flag', [f('color', 'delta-e', 'flag', 2.2)]),
    rec('denim', 'pass', [f('color', 'delta-e', 'pass', 9.9)]),
    rec(null, 'error', []),
  ]);

  it('counts verdicts and the first-pass approval rate overall and per category', () => {
    expect([s.total, s.pass, s.flag, s.reject, s.error]).toEqual([5, 2, 1, 1, 1]);
    expect(s.firstPassRate).toBeCloseTo(0.4);
    const jersey = s.categories.find((c) => c.id === 'jersey')!;
    expect([jersey.total, jersey.pass, jersey.firstPassRate]).toEqual([3, 1, 1 / 3]);
    expect(s.categories.find((c) => c.id === '(unmatched)')?.error).toBe(1);
  });

  it('ranks failure reasons by the images they hit and bins ΔE00', () => {
    expect(s.reasons[0]).toMatchObject({ rule: 'color', check: 'delta-e', images: 2, rejects: 1, flags: 1 });
    expect(s.deltaE.measured).toBe(4);
    expect(s.deltaE.bins[1].count).toBe(1);
    expect(s.deltaE.bins.at(-1)).toMatchObject({ from: 8, to: null, count: 1 });
    expect(s.errors).toEqual([{ code: 'corrupt', count: 1 }]);
  });
});
