/** The size video frames are analysed at: the clip's aspect, about 40,000 pixels. */

/** Enough pixels for a garment's median colour and a stable outline; small enough for faster-than-real-time QC. */
export const VIDEO_ANALYSIS_PIXELS = 40_000;

/**
 * @example videoAnalysisSize(1080, 1920) // { width: 150, height: 267 }
 */
export function videoAnalysisSize(width: number, height: number, maxPixels = VIDEO_ANALYSIS_PIXELS): { width: number; height: number } {
  const k = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  return { width: Math.max(8, Math.round(width * k)), height: Math.max(8, Math.round(height * k)) };
}
