/**
 * One channel's frame from core's variant plan: frame size and background, the image layer and its
 * CROP transform (core's figmaCropPlacement of the subject-aware crop), safe area, Export panel
 * settings, delivery encoding, the overlay's box and size range, and what the designer should know
 * (core's crop notes, renamed naming tokens, formats Figma cannot write).
 */
import { labToSrgb, parseColor } from '@brandlock/core/color';
import { figmaCropPlacement, type VariantPlan } from '@brandlock/core/channels';
import type { Rgb, Size } from '../protocol/geometry';
import type { FontRef, VariantFramePlan } from '../protocol/variants';
import { overlayBox, type OverlayPosition } from '../layout/overlay-box';
import { hexToRgb } from '../palette/hex-to-rgb';

export interface OverlayOptions {
  text: string;
  position: OverlayPosition;
  font: FontRef;
  color: Rgb;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
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
  if (spec.format === 'avif') warnings.push('AVIF cannot be encoded inside Figma; export skips this channel (the server pipeline renders it)');
  const minSide = Math.min(spec.width, spec.height);
  const text = overlay?.text.trim() ?? '';
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
    overlay: overlay && text
      ? {
          text,
          box: overlayBox(frame, spec.safeArea, overlay.position),
          font: overlay.font,
          color: overlay.color,
          align: overlay.align,
          vertical: overlay.position === 'top' ? 'TOP' : overlay.position === 'center' ? 'CENTER' : 'BOTTOM',
          minSize: Math.max(8, Math.round(minSide * 0.02)),
          maxSize: Math.max(12, Math.round(minSide * 0.1)),
        }
      : null,
    exportSettings: [{ format: spec.format === 'jpeg' ? 'JPG' : 'PNG', constraint: { type: 'WIDTH', value: spec.width }, suffix: '', colorProfile: 'SRGB' }],
    delivery: { format: spec.format, quality: spec.quality, maxBytes: spec.maxBytes ?? null },
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
