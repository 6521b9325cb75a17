/**
 * One channel's frame plan from its spec and the crop window core chose: frame size and background,
 * the image layer and its CROP transform, safe area, Export panel settings, delivery encoding, the
 * text overlay's box and size range, and the warnings a designer should see before exporting.
 */
import { labToSrgb, parseColor } from '@brandlock/core/color';
import type { ChannelSpec } from '@brandlock/core/channels';
import type { Box, Rgb, Size } from '../protocol/geometry';
import type { FontRef, VariantFramePlan } from '../protocol/variants';
import { windowToImageFill } from '../layout/window-to-image-fill';
import { overlayBox, type OverlayPosition } from '../layout/overlay-box';
import { hexToRgb } from '../palette/hex-to-rgb';

export interface OverlayOptions {
  text: string;
  position: OverlayPosition;
  font: FontRef;
  color: Rgb;
  align: 'LEFT' | 'CENTER' | 'RIGHT';
}

export interface VariantFrameInput {
  spec: ChannelSpec;
  image: Size;
  /** The crop window in image pixels (core's planCrop), possibly running past the image where the spec pads. */
  window: Box;
  cropNotes: string[];
  fileName: string;
  frameName: string;
  overlay: OverlayOptions | null;
}

export function planVariantFrame(input: VariantFrameInput): VariantFramePlan {
  const { spec } = input;
  const frame = { width: spec.width, height: spec.height };
  const fill = windowToImageFill(input.window, input.image, frame);
  const warnings = [...input.cropNotes];
  if (fill.sourcePixelsPerOutputPixel < 0.999) {
    const factor = 1 / fill.sourcePixelsPerOutputPixel;
    warnings.push(`Upsampled ${factor.toFixed(1)}×: the crop holds ${Math.round(input.window.width * Math.min(1, input.image.width / input.window.width))} source pixels across where the channel needs ${spec.width}`);
  }
  if (spec.format === 'avif') warnings.push('AVIF cannot be encoded inside Figma; this channel is skipped on export (the server pipeline renders it)');
  const minSide = Math.min(spec.width, spec.height);
  return {
    channelId: spec.id,
    channelName: spec.name,
    frameName: input.frameName,
    fileName: input.fileName,
    width: spec.width,
    height: spec.height,
    background: spec.background === 'transparent' ? null : colourOf(spec.background),
    image: { rect: fill.rect, transform: fill.transform },
    safeArea: { ...spec.safeArea },
    overlay: input.overlay && input.overlay.text.trim()
      ? {
          text: input.overlay.text.trim(),
          box: overlayBox(frame, spec.safeArea, input.overlay.position),
          font: input.overlay.font,
          color: input.overlay.color,
          align: input.overlay.align,
          vertical: input.overlay.position === 'top' ? 'TOP' : input.overlay.position === 'center' ? 'CENTER' : 'BOTTOM',
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
