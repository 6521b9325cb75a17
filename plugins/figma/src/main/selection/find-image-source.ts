/**
 * Finds the image a feature should work on: the selected layer if it has an image fill, otherwise the
 * largest image-filled layer inside the selected frame. Layers named "subject" and "focal" drawn over
 * the image (in the same frame) become the subject box and focal point, in image pixels.
 */
import type { ImageSource } from '../../protocol/selection';
import type { AffineTransform, Box } from '../../protocol/geometry';
import { nodeBoxToImage } from '../../layout/node-box-to-image';
import { readNaming } from '../records/naming-record';

type Filled = SceneNode & MinimalFillsMixin & LayoutMixin;

export function firstImagePaint(node: SceneNode): ImagePaint | null {
  if (!('fills' in node) || node.fills === figma.mixed) return null;
  for (const p of node.fills as readonly Paint[]) if (p.type === 'IMAGE' && p.visible !== false && p.imageHash) return p;
  return null;
}

export async function findImageSourceAsync(selection: readonly SceneNode[]): Promise<ImageSource | null> {
  const first = selection[0];
  if (!first) return null;
  let node: Filled | null = firstImagePaint(first) ? (first as Filled) : null;
  if (!node && 'findAll' in first) {
    const candidates = first.findAll((n) => n.visible && firstImagePaint(n) !== null) as Filled[];
    candidates.sort((a, b) => b.width * b.height - a.width * a.height);
    node = candidates[0] ?? null;
  }
  if (!node) return null;
  const paint = firstImagePaint(node)!;
  const image = figma.getImageByHash(paint.imageHash!);
  if (!image) return null;
  const size = await image.getSizeAsync();
  const scope: SceneNode = first !== node && 'findAll' in first ? first : (node.parent as SceneNode | null) ?? node;
  const markers = 'findAll' in scope ? scope.findAll((n) => n !== node && /^(subject|focal)( point)?$/i.test(n.name.trim())) : [];
  const toImage = (m: SceneNode): Box | null => {
    const a = m.absoluteBoundingBox;
    const b = node!.absoluteBoundingBox;
    if (!a || !b) return null;
    return nodeBoxToImage({ x: a.x - b.x, y: a.y - b.y, width: a.width, height: a.height }, { width: node!.width, height: node!.height }, size, {
      scaleMode: paint.scaleMode,
      imageTransform: paint.imageTransform as AffineTransform | undefined,
    });
  };
  const subjectNode = markers.find((m) => /^subject$/i.test(m.name.trim()));
  const focalNode = markers.find((m) => /^focal/i.test(m.name.trim()));
  const focalBox = focalNode ? toImage(focalNode) : null;
  return {
    nodeId: node.id,
    nodeName: node.name,
    imageHash: paint.imageHash!,
    imageWidth: size.width,
    imageHeight: size.height,
    subject: subjectNode ? toImage(subjectNode) : null,
    focal: focalBox ? { x: focalBox.x + focalBox.width / 2, y: focalBox.y + focalBox.height / 2 } : null,
    naming: readNaming(node),
    thumbnail: await node.exportAsync({ format: 'PNG', constraint: { type: 'HEIGHT', value: 96 } }).catch(() => null),
  };
}
