/**
 * A product loop on the canvas: a frame with the clip's poster (its first frame) as an image fill, a
 * caption with frame QC's verdict and findings, and a link to the clip on the brandlock server. Figma
 * takes PNG, JPEG and GIF images only, and video only through figma.createVideoAsync, which works in
 * files of paid teams (not Starter) and up to 100 MB: when the designer asks to embed the clip and
 * Figma refuses, the poster stays and the answer says why, so the loop is never lost over a plan.
 */
import { PluginError } from '../../bus/bus-errors';
import { requireBytes, requireString } from '../check-params';
import { createText } from '../create-text';
import { NAMESPACE } from '../records/brandlock-data';
import type { PlacedVideoLoop, VideoLoopParams } from '../../protocol/video';

const FONTS = { regular: { family: 'Inter', style: 'Regular' }, bold: { family: 'Inter', style: 'Semi Bold' } };
const WIDTH = 360;
const VERDICT_COLOR = { pass: { r: 0.16, g: 0.56, b: 0.3 }, flag: { r: 0.8, g: 0.52, b: 0.05 }, reject: { r: 0.78, g: 0.18, b: 0.16 }, unchecked: { r: 0.4, g: 0.4, b: 0.4 } };
const INK = { r: 0.1, g: 0.1, b: 0.1 };

export async function placeVideoLoopAsync(p: VideoLoopParams): Promise<PlacedVideoLoop> {
  const poster = requireBytes(p?.poster, 'poster');
  const link = requireString(p?.link, 'link');
  let image: Image;
  try {
    image = figma.createImage(poster);
  } catch (e) {
    throw new PluginError('image-rejected', `Figma refused the loop's poster frame: ${e instanceof Error ? e.message : String(e)} (PNG, JPEG or GIF up to 4096 px)`);
  }
  const size = await image.getSizeAsync();
  let video: Video | null = null;
  let fallback: string | null = null;
  if (p.clip) {
    try {
      video = await figma.createVideoAsync(requireBytes(p.clip, 'clip'));
    } catch (e) {
      fallback = `Figma did not take the clip (${e instanceof Error ? e.message : String(e)}); the poster frame stands for it and the caption links to the clip.`;
    }
  }
  await Promise.all(Object.values(FONTS).map((f) => figma.loadFontAsync(f)));

  const frame = figma.createFrame();
  frame.name = String(p.name).slice(0, 120);
  frame.layoutMode = 'VERTICAL';
  frame.itemSpacing = 8;
  frame.paddingLeft = frame.paddingRight = frame.paddingTop = frame.paddingBottom = 12;
  frame.primaryAxisSizingMode = 'AUTO';
  frame.counterAxisSizingMode = 'FIXED';
  frame.resize(WIDTH + 24, frame.height);
  frame.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1 } }];

  const still = figma.createRectangle();
  still.name = video ? 'Loop' : 'Poster frame';
  still.resize(WIDTH, Math.round((WIDTH * size.height) / size.width));
  // The poster stays under the video fill: it shows wherever the video does not play (exports, viewers).
  still.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }, ...(video ? [{ type: 'VIDEO' as const, scaleMode: 'FILL' as const, videoHash: video.hash }] : [])];
  frame.appendChild(still);

  const verdict = VERDICT_COLOR[p.verdict] ? p.verdict : 'unchecked';
  frame.appendChild(createText(String(p.headline).slice(0, 200), { font: FONTS.bold, size: 13, color: VERDICT_COLOR[verdict], width: WIDTH }));
  const lines = Array.isArray(p.lines) ? p.lines.slice(0, 40).map((l) => String(l).slice(0, 400)) : [];
  if (lines.length) frame.appendChild(createText(lines.join('\n'), { font: FONTS.regular, size: 11, color: INK, width: WIDTH, lineHeightPercent: 140 }));
  const linkText = createText(video ? 'The clip on the brandlock server' : 'Play the clip (on the brandlock server)', { font: FONTS.regular, size: 11, color: { r: 0.05, g: 0.4, b: 0.85 }, width: WIDTH });
  linkText.hyperlink = { type: 'URL', value: link };
  frame.appendChild(linkText);

  const center = figma.viewport.center;
  frame.x = Math.round(center.x - frame.width / 2);
  frame.y = Math.round(center.y - frame.height / 2);
  figma.currentPage.appendChild(frame);
  frame.setSharedPluginData(NAMESPACE, 'video-loop', JSON.stringify(p.record ?? null));
  figma.currentPage.selection = [frame];
  figma.viewport.scrollAndZoomIntoView([frame]);
  figma.commitUndo();
  return { nodeId: frame.id, embedded: video !== null, fallback };
}
