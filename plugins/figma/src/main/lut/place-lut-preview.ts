/**
 * LUT preview: a duplicate of the image layer beside it, its image fill swapped for the graded pixels
 * the UI made (crop, scale mode and filters kept), so the designer compares before and after side by
 * side. The original is never touched.
 */
import { PluginError } from '../../bus/bus-errors';
import { requireBytes, requireString } from '../check-params';
import { writeRecord } from '../records/brandlock-data';

export async function readImageAsync(imageHash: unknown): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const image = figma.getImageByHash(requireString(imageHash, 'imageHash'));
  if (!image) throw new PluginError('image-gone', 'That image is no longer in the file; select it again');
  const [bytes, size] = await Promise.all([image.getBytesAsync(), image.getSizeAsync()]);
  return { bytes, width: size.width, height: size.height };
}

/** strength: the percentage of the grade mixed into the original (100 when absent); the copy's name says it when under 100. */
export async function placeLutPreviewAsync(params: { sourceNodeId: string; imageHash: string; bytes: Uint8Array; label: string; strength?: number }): Promise<{ nodeId: string; name: string }> {
  const source = await figma.getNodeByIdAsync(requireString(params.sourceNodeId, 'sourceNodeId'));
  const oldHash = requireString(params.imageHash, 'imageHash');
  const bytes = requireBytes(params.bytes, 'bytes');
  const strength = params.strength ?? 100;
  if (typeof strength !== 'number' || !Number.isInteger(strength) || strength < 0 || strength > 100) {
    throw new PluginError('bad-request', `strength: expected a whole percentage from 0 to 100, got ${String(strength)}`);
  }
  if (!source || source.removed || !('fills' in source) || source.fills === figma.mixed) {
    throw new PluginError('source-gone', 'The image layer is gone; select it again');
  }
  let image: Image;
  try {
    image = figma.createImage(bytes);
  } catch (e) {
    throw new PluginError('image-rejected', `Figma refused the graded image: ${e instanceof Error ? e.message : String(e)} (PNG, JPEG or GIF up to 4096 px)`);
  }
  const scene = source as SceneNode & MinimalFillsMixin;
  const copy = scene.clone() as SceneNode & MinimalFillsMixin;
  const label = String(params.label).slice(0, 80);
  copy.name = strength === 100 ? `${scene.name} · ${label}` : `${scene.name} · ${label} at ${strength} %`;
  copy.fills = (scene.fills as readonly Paint[]).map((p) => (p.type === 'IMAGE' && p.imageHash === oldHash ? { ...p, imageHash: image.hash } : p));
  const parent = scene.parent;
  const gap = Math.max(24, Math.round(scene.width * 0.05));
  if (parent && parent.type !== 'PAGE' && canTakeChildren(parent)) {
    parent.insertChild(parent.children.indexOf(scene) + 1, copy);
    if (!('layoutMode' in parent && parent.layoutMode !== 'NONE')) {
      copy.x = scene.x + scene.width + gap;
      copy.y = scene.y;
    }
  } else {
    // Inside an instance or a component set (which take no new children) the copy stays on the page,
    // where clone() put it: place it beside the source in page coordinates.
    const [[, , x], [, , y]] = scene.absoluteTransform;
    copy.x = x + scene.width + gap;
    copy.y = y;
  }
  writeRecord(copy, 'lut-preview', { lut: label, strength, sourceNodeId: scene.id });
  figma.viewport.scrollAndZoomIntoView([scene, copy]);
  figma.commitUndo();
  return { nodeId: copy.id, name: copy.name };
}

/** Frames, groups and sections take new children; instances, and anything inside one, do not; a component set takes only components. */
export function canTakeChildren(parent: BaseNode & ChildrenMixin): boolean {
  if (parent.type === 'INSTANCE' || parent.type === 'COMPONENT_SET') return false;
  for (let n: BaseNode | null = parent; n && n.type !== 'PAGE'; n = n.parent) if (n.type === 'INSTANCE') return false;
  return true;
}
