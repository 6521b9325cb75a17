// A variant frame's plan as the window sends it to the main thread: a JPEG channel with the photo over
// the whole frame, for the tests of making, recording and exporting variants. `extra` changes any field.
import type { VariantFramePlan } from '../../src/protocol/variants';

export function framePlan(channelId: string, width: number, height: number, extra: Partial<VariantFramePlan> = {}): VariantFramePlan {
  return {
    channelId,
    channelName: channelId,
    frameName: `nf-1001 · ${channelId}`,
    fileName: `northfold_nf-1001_${channelId}_${width}x${height}.jpg`,
    width,
    height,
    background: { r: 1, g: 1, b: 1 },
    image: { rect: { x: 0, y: 0, width, height }, transform: [[1, 0, 0], [0, 1, 0]] },
    safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
    overlay: null,
    exportSettings: [{ format: 'JPG', constraint: { type: 'WIDTH', value: width }, suffix: '', colorProfile: 'SRGB' }],
    delivery: { format: 'jpeg', quality: 90, maxBytes: null },
    warnings: [],
    ...extra,
  };
}
