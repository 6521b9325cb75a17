// Base64 for batchPlay raw data, checked against Node's encoder.
import { expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

it('encodes like Node for every padding case and long inputs, and decodes back', () => {
  for (const n of [0, 1, 2, 3, 4, 5, 100, 10_000]) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 255);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
  }
});

it('refuses text that is not base64', () => {
  expect(() => base64ToBytes('ab$c')).toThrow(/unexpected "\$"/);
});
