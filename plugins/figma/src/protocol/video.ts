/** A product video loop shown on the canvas: what the UI sends the main thread, and what it answers. */

export interface VideoLoopParams {
  /** "NF-JR-3005 front loop · job 7f3a9c21" */
  name: string;
  /** The clip's first frame as the server stored it (JPEG), at most 4096 px a side. */
  poster: Uint8Array;
  /** The MP4, when the designer asked to embed it (figma.createVideoAsync); null shows the poster only. */
  clip: Uint8Array | null;
  /** Where the clip is on the brandlock server, for the caption's link. */
  link: string;
  /** "QC FLAG · 2.0 s · 24 fps · 512x640" */
  headline: string;
  /** The figures and findings, one a line. */
  lines: string[];
  verdict: 'pass' | 'flag' | 'reject' | 'unchecked';
  /** Kept on the frame (shared plugin data "brandlock" / "video-loop"). */
  record: { jobId: string; sku: string | null; view: string | null; clipRef: string; posterRef: string; verdict: string };
}

export interface PlacedVideoLoop {
  nodeId: string;
  /** True when the clip plays in the file (a video fill); false when the poster stands for it. */
  embedded: boolean;
  /** Why the clip is not embedded when the designer asked for it, in Figma's words. */
  fallback: string | null;
}
