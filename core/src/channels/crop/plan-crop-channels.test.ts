import { describe, expect, it } from 'vitest';
import { planCrop } from './plan-crop';
import { CHANNEL_PRESETS } from '../catalog';
import type { Box, CropPlan } from './crop-types';

const spec = (id: string) => CHANNEL_PRESETS[id];
const codes = (p: CropPlan) => p.notes.map((n) => n.code);
const bottomOf = (b: Box) => b.y + b.height;
const rightOf = (b: Box) => b.x + b.width;

/** A 24 MP portrait on-model master: the garment from shoulders to hem, the model's head above it. */
const onModel = { image: { width: 4000, height: 6000 }, subject: { x: 1300, y: 1500, width: 1400, height: 2300 }, framing: { head: 900, hem: 3800 } };

describe('planCrop on real channel specs', () => {
  it('frames a PDP hero from the head to the hem, filling the margin-inset frame', () => {
    const s = spec('pdp-hero-2x3');
    const p = planCrop({ ...onModel, spec: s });
    const margin = s.margin * Math.min(s.width, s.height);
    const head = (onModel.framing.head - p.window.y) * p.scale;
    const hem = (onModel.framing.hem - p.window.y) * p.scale;
    expect(head).toBeCloseTo(margin + 2, 0);
    expect(hem).toBeCloseTo(s.height - margin - 2, 0);
    expect(p.pad).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(p.cutsSubject).toBe(false);
  });

  it('puts head and hem on the same output rows for every view of a SKU', () => {
    const s = spec('pdp-hero-4x5');
    const front = planCrop({ ...onModel, spec: s });
    // The back view: shot from further away, model lower in the frame.
    const back = planCrop({ image: { width: 5000, height: 7000 }, subject: { x: 2100, y: 2600, width: 1100, height: 1900 }, framing: { head: 2100, hem: 4500 }, spec: s });
    const row = (p: CropPlan, y: number) => (y - p.window.y) * p.scale;
    expect(Math.abs(row(front, 900) - row(back, 2100))).toBeLessThanOrEqual(1);
    expect(Math.abs(row(front, 3800) - row(back, 4500))).toBeLessThanOrEqual(1);
  });

  it('frames head to hem even when the subject box is the whole silhouette, cutting only below the hem', () => {
    const s = spec('pdp-hero-4x5');
    // Auto-detected on a sweep: the model from head to feet, feet at the master's bottom edge.
    const p = planCrop({ image: { width: 4000, height: 6000 }, subject: { x: 1100, y: 850, width: 1800, height: 5150 }, framing: { head: 900, hem: 3800 }, spec: s });
    const margin = s.margin * Math.min(s.width, s.height);
    expect((900 - p.window.y) * p.scale).toBeCloseTo(margin + 2, 0);
    expect((3800 - p.window.y) * p.scale).toBeCloseTo(s.height - margin - 2, 0);
    expect(p.pad).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(p.cutsSubject).toBe(false);
    expect(codes(p)).not.toContain('padded');
  });

  it('keeps a full-length subject whole in a square, padding rather than cutting', () => {
    const p = planCrop({ image: { width: 3000, height: 4500 }, subject: { x: 900, y: 200, width: 1200, height: 4100 }, spec: spec('instagram-feed-1x1') });
    expect(p.cutsSubject).toBe(false);
    expect(codes(p)).toContain('padded');
    expect(p.pad.left + p.pad.right).toBeGreaterThan(0);
    expect(p.trim.width + p.pad.left + p.pad.right).toBe(1080);
  });

  it('keeps the subject out of the Stories UI zones', () => {
    const p = planCrop({ image: { width: 4000, height: 6000 }, subject: { x: 1000, y: 800, width: 2000, height: 4400 }, spec: spec('instagram-story-9x16') });
    const s = p.subjectInOutput!;
    expect(s.y).toBeGreaterThanOrEqual(250);
    expect(bottomOf(s)).toBeLessThanOrEqual(1920 - 340);
  });

  it('keeps the subject clear of the tighter Reels caption and button zones', () => {
    const p = planCrop({ image: { width: 4000, height: 6000 }, subject: { x: 1000, y: 800, width: 2000, height: 4400 }, spec: spec('instagram-reels-9x16') });
    const s = p.subjectInOutput!;
    expect(s.y).toBeGreaterThanOrEqual(269);
    expect(bottomOf(s)).toBeLessThanOrEqual(1920 - 672);
    expect(s.x).toBeGreaterThanOrEqual(65);
    expect(rightOf(s)).toBeLessThanOrEqual(1080 - 65);
  });

  it('makes the product fill at least 85% of a marketplace main image', () => {
    const p = planCrop({ image: { width: 4000, height: 6000 }, subject: { x: 1500, y: 2000, width: 1000, height: 1400 }, spec: spec('marketplace-main') });
    const s = p.subjectInOutput!;
    expect(Math.max(s.width, s.height) / 2000).toBeGreaterThanOrEqual(0.85);
    expect(p.cutsSubject).toBe(false);
  });

  it('zooms a detail crop into the focal point and says it cuts the subject', () => {
    const s = spec('mobile-zoom-detail');
    const p = planCrop({ ...onModel, focal: [{ x: 2000, y: 1700 }], spec: s });
    expect(p.cutsSubject).toBe(true);
    expect(codes(p)).toContain('detail_cuts_subject');
    expect(p.pad).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    const fx = (2000 - p.window.x) * p.scale;
    const fy = (1700 - p.window.y) * p.scale;
    expect(fx).toBeCloseTo(s.width / 2, 0);
    expect(fy).toBeCloseTo(s.height / 2, 0);
  });

  it('moves a lifestyle crop toward a focal point only as far as the subject allows', () => {
    const base = { image: { width: 8000, height: 4000 }, subject: { x: 3500, y: 1000, width: 1000, height: 2500 }, spec: spec('lifestyle-3x2') };
    const centred = planCrop(base);
    const right = planCrop({ ...base, focal: [{ x: 7900, y: 2000 }] });
    expect(right.window.x).toBeGreaterThan(centred.window.x);
    expect(right.cutsSubject).toBe(false);
    expect(rightOf(right.window)).toBeLessThanOrEqual(8000 + 1e-6);
    expect(right.subjectInOutput!.x).toBeGreaterThan(0);
  });

  it('lets an on-model subject cut by the master run to the frame edge instead of padding', () => {
    // Legs leave the master at the bottom: the subject box touches the bottom edge.
    const p = planCrop({ image: { width: 4000, height: 6000 }, subject: { x: 1200, y: 1400, width: 1600, height: 4600 }, spec: spec('instagram-feed-4x5') });
    expect(p.pad.bottom).toBe(0);
    expect(codes(p)).not.toContain('padded');
    expect(bottomOf(p.subjectInOutput!)).toBeCloseTo(1350, 0);
  });

  it('says when the master is upscaled', () => {
    const p = planCrop({ image: { width: 800, height: 1000 }, subject: { x: 100, y: 100, width: 600, height: 800 }, spec: spec('pdp-hero-2x3') });
    expect(codes(p)).toContain('upscaled');
    expect(p.scale).toBeGreaterThan(1);
  });

  it('crops the middle of the master when nothing is known about the subject', () => {
    const p = planCrop({ image: { width: 6000, height: 4000 }, spec: spec('instagram-feed-1x1') });
    expect(p.crop).toEqual({ left: 1000, top: 0, width: 4000, height: 4000 });
    expect(codes(p)).toContain('no_subject');
  });
});
