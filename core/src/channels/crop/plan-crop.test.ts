import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planCrop } from './plan-crop';
import { CHANNEL_PRESETS } from '../catalog';
import type { CropInput, CropSpec } from './crop-types';
import { safeAreaBox } from './subject-zone';

const EPS = 1e-6;

const specArb: fc.Arbitrary<CropSpec> = fc
  .record({
    width: fc.integer({ min: 16, max: 3000 }),
    height: fc.integer({ min: 16, max: 3000 }),
    fit: fc.constantFrom('cover', 'pad', 'contain'),
    focal: fc.constantFrom('subject', 'head-to-hem', 'center', 'saliency', 'detail'),
    margin: fc.double({ min: 0, max: 0.3, noNaN: true }),
    detailZoom: fc.double({ min: 1, max: 4, noNaN: true }),
    minFill: fc.option(fc.double({ min: 0.3, max: 0.95, noNaN: true }), { nil: undefined }),
    safe: fc.tuple(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true })),
  })
  .map(({ safe, ...s }) => ({
    ...s,
    safeArea: { top: Math.floor(safe[0] * s.height), right: Math.floor(safe[1] * s.width), bottom: Math.floor(safe[2] * s.height), left: Math.floor(safe[3] * s.width) },
  })) as fc.Arbitrary<CropSpec>;

const inputArb: fc.Arbitrary<CropInput> = fc
  .record({
    image: fc.record({ width: fc.integer({ min: 16, max: 8000 }), height: fc.integer({ min: 16, max: 8000 }) }),
    box: fc.tuple(fc.double({ min: 0, max: 0.98, noNaN: true }), fc.double({ min: 0, max: 0.98, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })),
    hasSubject: fc.boolean(),
    toEdge: fc.tuple(fc.boolean(), fc.boolean()),
    focal: fc.array(fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), weight: fc.double({ min: 0.1, max: 5, noNaN: true }) }), { maxLength: 3 }),
    lines: fc.option(fc.tuple(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 1, noNaN: true })), { nil: null }),
    spec: specArb,
  })
  .map(({ image, box, hasSubject, toEdge, focal, lines, spec }) => {
    const x = Math.floor(box[0] * image.width);
    const y = Math.floor(box[1] * image.height);
    // Half the subjects run off the master on the right or at the bottom, like a model cut at the knees.
    const width = toEdge[0] ? image.width - x : Math.max(1, Math.floor(box[2] * (image.width - x)));
    const height = toEdge[1] ? image.height - y : Math.max(1, Math.floor(box[3] * (image.height - y)));
    const subject = { x, y, width, height };
    return {
      image,
      spec,
      subject: hasSubject ? subject : null,
      focal: focal.map((p) => ({ x: p.x * image.width, y: p.y * image.height, weight: p.weight })),
      framing: lines ? { head: lines[0] * image.height, hem: Math.max(lines[1] * image.height, lines[0] * image.height + 1) } : null,
    };
  });

describe('planCrop properties', () => {
  it('always produces exactly the output size from a rectangle inside the master', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = planCrop(input);
        expect(p.trim.width + p.pad.left + p.pad.right).toBe(input.spec.width);
        expect(p.trim.height + p.pad.top + p.pad.bottom).toBe(input.spec.height);
        for (const v of [p.crop.left, p.crop.top, p.trim.left, p.trim.top, p.pad.top, p.pad.right, p.pad.bottom, p.pad.left]) expect(Number.isInteger(v) && v >= 0).toBe(true);
        expect(p.crop.width).toBeGreaterThanOrEqual(1);
        expect(p.crop.height).toBeGreaterThanOrEqual(1);
        expect(p.crop.left + p.crop.width).toBeLessThanOrEqual(input.image.width);
        expect(p.crop.top + p.crop.height).toBeLessThanOrEqual(input.image.height);
        expect(p.trim.left + p.trim.width).toBeLessThanOrEqual(p.resize.width);
        expect(p.trim.top + p.trim.height).toBeLessThanOrEqual(p.resize.height);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the aspect exact: both axes are scaled alike, to within one output pixel', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = planCrop(input);
        expect(Math.abs(p.window.width / p.window.height - input.spec.width / input.spec.height)).toBeLessThan(1e-9 * (1 + input.spec.width / input.spec.height));
        expect(Math.abs(p.resize.width - p.crop.width * p.scale)).toBeLessThanOrEqual(1 + EPS);
        expect(Math.abs(p.resize.height - p.crop.height * p.scale)).toBeLessThanOrEqual(1 + EPS);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the subject whole and inside the safe area unless the spec is a detail crop', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.subject !== null && input.spec.focal !== 'detail');
        const p = planCrop(input);
        const safe = safeAreaBox(input.spec);
        const s = p.subjectInOutput!;
        const lines = input.framing;
        const framed = input.spec.focal === 'head-to-hem' && lines && lines.hem <= input.image.height;
        const top0 = framed ? Math.max(input.subject!.y, lines.head) : input.subject!.y;
        const bottom0 = framed ? Math.min(input.subject!.y + input.subject!.height, lines.hem) : input.subject!.y + input.subject!.height;
        fc.pre(bottom0 > top0);
        const b = { ...input.subject!, y: top0, height: bottom0 - top0 };
        // A cover crop may run the subject to the frame edge on a side where it already runs off the master.
        const open = input.spec.fit === 'cover';
        const left = open && b.x <= 1e-6 ? 0 : safe.x;
        const top = open && b.y <= 1e-6 ? 0 : safe.y;
        const right = open && b.x + b.width >= input.image.width - 1e-6 ? input.spec.width : safe.x + safe.width;
        const bottom = open && b.y + b.height >= input.image.height - 1e-6 ? input.spec.height : safe.y + safe.height;
        expect(p.cutsSubject).toBe(false);
        expect(s.x).toBeGreaterThanOrEqual(left - EPS);
        expect(s.y).toBeGreaterThanOrEqual(top - EPS);
        expect(s.x + s.width).toBeLessThanOrEqual(right + EPS);
        expect(s.y + s.height).toBeLessThanOrEqual(bottom + EPS);
      }),
      { numRuns: 3000 },
    );
  });

  it('pads a cover or detail crop only when it says so', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.spec.fit === 'cover' || input.spec.focal === 'detail');
        const p = planCrop(input);
        if (p.notes.some((n) => n.code === 'padded')) return;
        expect(p.pad).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
      }),
      { numRuns: 2000 },
    );
  });

  it('meets minFill unless it reports that it cannot', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        fc.pre(input.subject !== null && input.spec.minFill !== undefined && input.spec.fit !== 'contain' && input.spec.focal !== 'detail');
        const p = planCrop(input);
        fc.pre(p.subjectInOutput !== null);
        if (p.notes.some((n) => n.code === 'min_fill_unmet')) return;
        const s = p.subjectInOutput!;
        const fill = Math.max(s.width / input.spec.width, s.height / input.spec.height);
        expect(fill).toBeGreaterThanOrEqual(input.spec.minFill!);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(planCrop(structuredClone(input))).toEqual(planCrop(input));
      }),
      { numRuns: 300 },
    );
  });
});
