// The redactor against the leaks an attacker's hostile providers produced (fal echoing only the
// secret half of id:secret, Runway's non-JSON answer cut to 80 characters before redaction, ComfyUI
// JSON-escaping the token), then a property test: any secret, in any form it travels in, anywhere in
// a text, cut anywhere, leaves nothing an independent decoder can find.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSecretRedactor } from './secret-redactor';
import { findSecretTraces } from '../../test-support/secrets/find-secret-traces';

describe('createSecretRedactor', () => {
  it('finds each half of a composite key, and the key in every form', () => {
    const key = 'falid123:falSecretCanary55aa';
    const r = createSecretRedactor([key]);
    expect(r.redact('401 key secret falSecretCanary55aa does not belong to key id falid123')).toBe('401 key secret [redacted] does not belong to key id [redacted]');
    const basic = Buffer.from(`user:${key}`).toString('base64');
    const escaped = [...key].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const mixed = `\\u0066alSecretCanary55aa`;
    for (const text of [key, encodeURIComponent(key), basic, Buffer.from(key).toString('base64url'), escaped, mixed, JSON.stringify({ detail: key })]) {
      const out = r.redact(`got ${text} here`);
      expect(findSecretTraces(out, [key]), `${text} -> ${out}`).toEqual([]);
      expect(out).toContain('[redacted]');
    }
  });

  it('redacts before it cuts, and catches a secret someone else cut short', () => {
    const key = 'key_RunwayCanary0123456789abcdefXYZ';
    const r = createSecretRedactor([key]);
    const body = `<${'z'.repeat(58)}${key}>`;
    expect(r.clip(body, 80)).toBe(`<${'z'.repeat(58)}[redacted]>`.slice(0, 80));
    expect(r.redact(`invalid key ${key.slice(0, 20)}...`)).toBe('invalid key [redacted]...');
    expect(findSecretTraces(r.redact(`ends ${key.slice(-13)}`), [key])).toEqual([]);
  });

  it('leaves ordinary text alone', () => {
    const r = createSecretRedactor(['r8_Tq9mZ2xLw7KpV4sNc1Hb', 'postgres-Pw-9f3A1c', undefined, null, '']);
    const text = 'replicate prediction abc failed: CUDA out of memory at step 12 (postgres server ok)';
    expect(r.redact(text)).toBe(text);
    expect(createSecretRedactor([]).clip('x'.repeat(10), 4)).toBe('xxxx');
  });

  it('leaves no trace of any secret, in any form, anywhere, cut anywhere', () => {
    const secretChars = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789-._~+/=!*\'()"\\$&,;?#[]{}<>|^` '.split(''));
    const secret = fc.string({ unit: secretChars, minLength: 12, maxLength: 48 });
    const composite = fc.tuple(fc.string({ unit: secretChars, minLength: 6, maxLength: 36 }), secret).map(([id, s]) => `${id.replace(/[:_@]/g, 'x')}:${s.replace(/[:_@]/g, 'y')}`);
    const form = fc.constantFrom<(s: string) => string>(
      (s) => s,
      (s) => s.split(':').at(-1)!,
      (s) => s.split(':')[0],
      (s) => encodeURIComponent(s),
      (s) => Buffer.from(s).toString('base64'),
      (s) => Buffer.from(`Basic-prefix ${s}`).toString('base64'),
      (s) => Buffer.from(s).toString('base64url'),
      (s) => JSON.stringify(s).slice(1, -1),
      (s) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
      (s) => s.slice(0, Math.max(8, Math.floor(s.length / 2))),
      (s) => s.slice(-Math.max(8, Math.floor(s.length / 2))),
    );
    fc.assert(
      fc.property(fc.oneof(secret, composite), form, fc.string({ maxLength: 120 }), fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 400 }), (s, f, before, after, cut) => {
        const r = createSecretRedactor([s]);
        const text = `${before}${f(s)}${after}`;
        expect(findSecretTraces(r.redact(text), [s])).toEqual([]);
        expect(findSecretTraces(r.clip(text, cut), [s])).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
