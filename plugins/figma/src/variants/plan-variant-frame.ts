/**
 * One channel's frame from core's variant plan: frame size and background, the image layer and its
 * CROP transform (core's figmaCropPlacement of the subject-aware crop), safe area, Export panel
 * settings, delivery encoding, the copy's box (only on channels whose spec allows text, inside the
 * text safe area and clear of the subject) and size range, and what the designer should know (core's
 * crop notes, renamed naming tokens, copy left off or moved, formats Figma cannot write).
 */
import { labToSrgb, parseColor } from '@brandlock/core/color';
import { channelTextPolicy, figmaCropPlacement, type VariantPlan } from '@brandlock/core/channels';
import type { Rgb, Size } from '../protocol/geometry';
import type { FontRef, VariantFramePlan } from '../protocol/variants';
import { placeCopyBox, type OverlayPosition } from '../layout/copy-box';
import { hexToRgb } from '../palette/hex-to-rgb';

export interface OverlayOptions {
  text: string;
  position: OverlayPosition;
  font: FontRef;
  /** Chosen later against the pixels under the box (see chooseCopyColour); a placeholder until then. */
  color: Rgb;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
  /** The lock's copy size range, as shares of the frame's short side (2% to 8% when it sets none). */
  sizeRange?: { min: number; max: number };
}

/** The file name without its extension: what Figma's own Export panel names the file after. */
export function frameNameFor(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]+$/i, '');
}

export function planVariantFrame(plan: VariantPlan, image: Size, overlay: OverlayOptions | null): VariantFramePlan {
  const spec = plan.channel;
  const frame = { width: spec.width, height: spec.height };
  const placement = figmaCropPlacement(plan.crop, image);
  const warnings = plan.crop.notes.map((n) => n.message);
  for (const r of plan.renamed) warnings.push(`{${r.token}} "${r.from}" is written "${r.to}" in the file name`);
  // Figma's Export panel writes PNG and JPG (without a quality setting) and nothing else.
  const figmaFormat = spec.format === 'jpeg' ? 'JPG' : spec.format === 'png' ? 'PNG' : null;
  if (!figmaFormat) {
    warnings.push(`${spec.format.toUpperCase()} is not a format Figma exports: use Export all, which has your brandlock server encode it${spec.format === 'avif' ? ' (AVIF needs the server; offline it is not exported)' : ' (offline, the plugin window encodes it)'}`);
  }
  const minSide = Math.min(spec.width, spec.height);
  const text = overlay?.text.trim() ?? '';
  const policy = channelTextPolicy(spec);
  if (text && !policy.allowed) warnings.push(`no copy: ${policy.reason}`);
  const copy = text && policy.allowed ? placeCopyBox(frame, policy.area, plan.crop.subjectInOutput, overlay!.position) : null;
  if (copy && !copy.clear) warnings.push(`the copy covers the garment (${Math.round(copy.overlap * 100)}% of its box lies over the subject): the crop leaves no room clear of it; shorten the copy or check it reads`);
  else if (copy?.moved) warnings.push(`the copy is set at the ${copy.side}: the ${overlay!.position} has no room clear of the garment`);
  return {
    channelId: spec.id,
    channelName: spec.name,
    frameName: frameNameFor(plan.fileName),
    fileName: plan.fileName,
    width: spec.width,
    height: spec.height,
    background: spec.background === 'transparent' ? null : colourOf(spec.background),
    image: { rect: placement.rect, transform: placement.imageTransform },
    safeArea: { ...spec.safeArea },
    overlay: overlay && copy
      ? {
          text,
          box: copy.box,
          font: overlay.font,
          color: overlay.color,
          align: overlay.align,
          vertical: copy.vertical,
          minSize: Math.max(8, Math.round(minSide * (overlay.sizeRange?.min ?? 0.02))),
          maxSize: Math.max(12, Math.round(minSide * (overlay.sizeRange?.max ?? 0.08))),
          contrast: null,
        }
      : null,
    exportSettings: figmaFormat ? [{ format: figmaFormat, constraint: { type: 'WIDTH', value: spec.width }, suffix: '', colorProfile: 'SRGB' }] : [],
    delivery: { format: spec.format, quality: spec.quality, maxBytes: spec.maxBytes ?? null, dpi: spec.dpi },
    warnings,
  };
}

function colourOf(color: string): Rgb | null {
  const parsed = parseColor(color);
  if (!parsed.success) return null;
  if (parsed.hex) return hexToRgb(parsed.hex);
  const [r, g, b] = labToSrgb(parsed.lab);
  return { r, g, b };
}
