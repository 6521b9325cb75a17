/**
 * Builds one frame per channel spec from the UI's plans: the image layer with a CROP image fill (the
 * transform comes from core's subject-aware crop), the safe area as layout grids, the text overlay
 * fitted to its box, the Export panel settings, the file name from the lock's template, and shared
 * plugin data so "Export all" finds the frame later (with any build of the plugin). The naming facts
 * (SKU, colorway, view, category) are written on the source and on each frame, so selecting either
 * brings them back. Frames go into one section beside the source, right of any set made before, built
 * in chunks; a cancel removes what was built so nothing is left half-made. The source stays selected,
 * so the designer can make another set (other channels, other copy) straight away.
 */
import type { HandlerContext } from '../../bus/create-bus';
import { PluginError } from '../../bus/bus-errors';
import type { CreateVariantsParams, CreatedVariant, VariantFramePlan } from '../../protocol/variants';
import { placeInRows } from '../../layout/place-in-rows';
import { safeAreaGrids } from '../../layout/safe-area-grids';
import { requireArray, requireSize, requireString } from '../check-params';
import { yieldToFigma } from '../yield-to-figma';
import { placeOverlayAsync } from './place-overlay';
import { writeVariantRecord } from './variant-record';
import { readCell } from '../board/board-records';
import { cleanNaming, writeNaming, type Naming } from '../records/naming-record';
import { freeSpotRightOf } from '../../layout/free-spot';

const GAP = 120;
const SECTION_PADDING = 80;

export async function createVariantFramesAsync(params: CreateVariantsParams, ctx: HandlerContext): Promise<CreatedVariant[]> {
  const plans = requireArray<VariantFramePlan>(params?.frames, 'frames', 200);
  if (!plans.length) throw new PluginError('bad-request', 'Choose at least one channel');
  const imageHash = requireString(params.source?.imageHash, 'source.imageHash');
  const source = await figma.getNodeByIdAsync(requireString(params.source.nodeId, 'source.nodeId'));
  if (!source || source.removed || !figma.getImageByHash(imageHash)) throw new PluginError('source-gone', 'The source image is gone; select it again');
  plans.forEach((p, i) => {
    requireSize(p.width, `frames[${i}].width`);
    requireSize(p.height, `frames[${i}].height`);
  });
  for (const font of uniqueFonts(plans)) {
    await figma.loadFontAsync(font).catch(() => {
      throw new PluginError('font-missing', `The font "${font.family} ${font.style}" is not available here; choose another for the copy`);
    });
  }

  const naming = cleanNaming(params.naming);
  // A moodboard cell's image carries its server job: the variants' files name it in their provenance.
  const jobId = readCell(source)?.jobId ?? null;
  const section = figma.createSection();
  section.name = String(params.groupName || 'Channel variants').slice(0, 200);
  const anchor = topLevel(source as SceneNode);
  const layout = placeInRows(plans.map((p) => ({ width: p.width, height: p.height })), GAP, 12_000);
  const created: CreatedVariant[] = [];
  try {
    for (let i = 0; i < plans.length; i++) {
      ctx.signal.throwIfCanceled();
      ctx.progress(i, plans.length, plans[i].channelName);
      const frame = buildFrame(plans[i], imageHash, source.id, naming, jobId);
      section.appendChild(frame);
      frame.x = SECTION_PADDING + layout.positions[i].x;
      frame.y = SECTION_PADDING + layout.positions[i].y;
      const fitted = plans[i].overlay ? await placeOverlayAsync(frame, plans[i].overlay!) : null;
      created.push({ nodeId: frame.id, channelId: plans[i].channelId, frameName: frame.name, fontSize: fitted?.fontSize ?? null, overflow: fitted?.overflow ?? false, brokeWords: fitted?.brokeWords ?? false });
      await yieldToFigma();
    }
  } catch (e) {
    section.remove();
    throw e;
  }
  section.resizeWithoutConstraints(layout.width + 2 * SECTION_PADDING, layout.height + 2 * SECTION_PADDING);
  const taken = figma.currentPage.children.filter((n) => n !== section && n !== anchor).map((n) => ({ x: n.x, y: n.y, width: n.width, height: n.height }));
  const spot = freeSpotRightOf({ x: anchor.x, y: anchor.y, width: anchor.width, height: anchor.height }, section, taken);
  section.x = spot.x;
  section.y = spot.y;
  writeNaming(source, naming);
  ctx.progress(plans.length, plans.length, 'Done');
  figma.viewport.scrollAndZoomIntoView([anchor, section]);
  figma.commitUndo();
  return created;
}

function buildFrame(plan: VariantFramePlan, imageHash: string, sourceNodeId: string, naming: Naming, jobId: string | null): FrameNode {
  const frame = figma.createFrame();
  frame.name = String(plan.frameName).slice(0, 250);
  frame.resize(plan.width, plan.height);
  frame.clipsContent = true;
  frame.fills = plan.background ? [{ type: 'SOLID', color: plan.background }] : [];
  const image = figma.createRectangle();
  image.name = 'Image';
  image.resize(Math.max(0.01, plan.image.rect.width), Math.max(0.01, plan.image.rect.height));
  image.fills = [{ type: 'IMAGE', scaleMode: 'CROP', imageHash, imageTransform: plan.image.transform }];
  frame.appendChild(image);
  image.x = plan.image.rect.x;
  image.y = plan.image.rect.y;
  frame.layoutGrids = safeAreaGrids(plan, plan.safeArea);
  frame.exportSettings = plan.exportSettings.map((s) => ({ format: s.format, constraint: s.constraint, suffix: s.suffix, colorProfile: s.colorProfile }));
  const notes = plan.warnings.slice(0, 8).map((n) => n.slice(0, 300));
  writeVariantRecord(frame, { channelId: plan.channelId, fileName: plan.fileName, width: plan.width, height: plan.height, delivery: plan.delivery, sourceNodeId, ...(jobId ? { jobId } : {}), ...(notes.length ? { notes } : {}) });
  writeNaming(frame, naming);
  // Figma shows this under the frame's relaunch button: the first compromise stays in sight on the canvas.
  const caveat = notes.length ? ` · ${notes[0]}${notes.length > 1 ? ` (+${notes.length - 1} more)` : ''}` : '';
  // Figma's own Export panel writes the JPG at a quality of its choosing, without the channel's size
  // limit: said where a designer would reach for it.
  const { quality, maxBytes } = plan.delivery;
  const jpegNote = plan.delivery.format === 'jpeg' ? ` (quality ${quality}${maxBytes ? `, at most ${Math.round(maxBytes / 1000)} kB` : ''} through brandlock's Export all; Figma's Export panel sets its own)` : '';
  frame.setRelaunchData({ variants: `${plan.channelName}: ${plan.width}×${plan.height} ${plan.delivery.format.toUpperCase()}, exports as ${plan.fileName}${jpegNote}${caveat}` });
  return frame;
}

function uniqueFonts(plans: VariantFramePlan[]): FontName[] {
  const seen = new Map<string, FontName>();
  for (const p of plans) if (p.overlay) seen.set(`${p.overlay.font.family}/${p.overlay.font.style}`, p.overlay.font);
  return [...seen.values()];
}

function topLevel(node: SceneNode): SceneNode {
  let n: SceneNode = node;
  while (n.parent && n.parent.type !== 'PAGE') n = n.parent as SceneNode;
  return n;
}
