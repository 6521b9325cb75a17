/**
 * Renders a node for the fake's `exportAsync`: solid and image fills (FILL, FIT, CROP with its
 * imageTransform, TILE drawn as FILL), inside strokes, clipping frames, opacity, children in order.
 * Text is drawn "greeked" (one bar per laid-out line, in the text colour) since the fake has no font
 * rasteriser. Nearest-neighbour sampling: the point is where pixels land, not how smooth they are.
 */
import type { RgbaImage } from '../support/png';
import type { ImageStore } from './fake-images';
import type { FakeNode } from './fake-node';
import { lineHeightPx, measureLineWidth } from './fake-text';

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Paint {
  type: string;
  visible?: boolean;
  opacity?: number;
  color?: { r: number; g: number; b: number };
  scaleMode?: string;
  imageHash?: string;
  imageTransform?: number[][];
}

export async function renderNode(node: FakeNode, scale: number, images: ImageStore): Promise<RgbaImage> {
  const width = Math.max(1, Math.round(node.width * scale));
  const height = Math.max(1, Math.round(node.height * scale));
  const out: RgbaImage = { width, height, data: new Uint8Array(width * height * 4) };
  const pixels = new Map<string, RgbaImage>();
  for (const n of [node, ...node.findAll()]) {
    for (const p of paintsOf(n)) if (p.type === 'IMAGE' && p.imageHash && !pixels.has(p.imageHash)) pixels.set(p.imageHash, await images.pixels(p.imageHash));
  }
  draw(node, 0, 0, { x0: 0, y0: 0, x1: width, y1: height }, true);
  return out;

  function draw(n: FakeNode, ox: number, oy: number, clip: Rect, root: boolean) {
    if (!n.visible) return;
    const x = root ? 0 : ox + n.x * scale;
    const y = root ? 0 : oy + n.y * scale;
    const box: Rect = { x0: x, y0: y, x1: x + n.width * scale, y1: y + n.height * scale };
    const area = intersect(box, clip);
    const ellipse = n.type === 'ELLIPSE';
    if (n.type === 'TEXT') drawText(n, x, y, clip);
    else for (const p of paintsOf(n)) if (p.visible !== false) fillPaint(p, box, area, n.opacity, ellipse);
    for (const s of (n.strokes as Paint[]).filter((p) => p.type === 'SOLID' && p.visible !== false)) {
      const w = Math.max(1, n.strokeWeight * scale);
      for (const edge of [
        { ...box, y1: box.y0 + w },
        { ...box, y0: box.y1 - w },
        { ...box, x1: box.x0 + w },
        { ...box, x0: box.x1 - w },
      ]) fillPaint(s, box, intersect(edge, area), n.opacity, false);
    }
    const childClip = n.type === 'FRAME' && n.clipsContent ? area : clip;
    for (const c of n.children) draw(c, x, y, childClip, false);
  }

  function drawText(n: FakeNode, x: number, y: number, clip: Rect) {
    const fills = n.fills as Paint[];
    const color = Array.isArray(fills) ? fills.find((f) => f.type === 'SOLID' && f.visible !== false) : undefined;
    if (!color) return;
    const lh = lineHeightPx(n.fontSize, n.lineHeight) * scale;
    n.textLines.forEach((line, i) => {
      const w = measureLineWidth(line, n.fontSize, n.fontName) * scale;
      const free = n.width * scale - w;
      const lx = x + (n.textAlignHorizontal === 'CENTER' ? free / 2 : n.textAlignHorizontal === 'RIGHT' ? free : 0);
      const bar: Rect = { x0: lx, y0: y + i * lh + lh * 0.25, x1: lx + w, y1: y + i * lh + lh * 0.75 };
      fillPaint(color, bar, intersect(bar, clip), n.opacity * 0.55, false);
    });
  }

  function fillPaint(p: Paint, box: Rect, area: Rect, nodeOpacity: number, ellipse: boolean) {
    const alpha = (p.opacity ?? 1) * nodeOpacity;
    const bw = box.x1 - box.x0;
    const bh = box.y1 - box.y0;
    const img = p.type === 'IMAGE' && p.imageHash ? pixels.get(p.imageHash) : undefined;
    const t = img ? imageMapping(p, bw, bh, img) : null;
    for (let py = Math.floor(area.y0); py < Math.ceil(area.y1); py++) {
      for (let px = Math.floor(area.x0); px < Math.ceil(area.x1); px++) {
        const u = (px + 0.5 - box.x0) / bw;
        const v = (py + 0.5 - box.y0) / bh;
        if (ellipse && (u - 0.5) ** 2 + (v - 0.5) ** 2 > 0.25) continue;
        let r: number;
        let g: number;
        let b: number;
        let a = alpha;
        if (p.type === 'SOLID' && p.color) {
          r = p.color.r * 255;
          g = p.color.g * 255;
          b = p.color.b * 255;
        } else if (img && t) {
          const iu = t[0][0] * u + t[0][1] * v + t[0][2];
          const iv = t[1][0] * u + t[1][1] * v + t[1][2];
          if (iu < 0 || iv < 0 || iu >= 1 || iv >= 1) continue;
          const s = (Math.min(img.height - 1, Math.floor(iv * img.height)) * img.width + Math.min(img.width - 1, Math.floor(iu * img.width))) * 4;
          r = img.data[s];
          g = img.data[s + 1];
          b = img.data[s + 2];
          a *= img.data[s + 3] / 255;
        } else continue;
        blend(px, py, r, g, b, a);
      }
    }
  }

  function blend(px: number, py: number, r: number, g: number, b: number, a: number) {
    if (px < 0 || py < 0 || px >= width || py >= height || a <= 0) return;
    const i = (py * width + px) * 4;
    const da = out.data[i + 3] / 255;
    const oa = a + da * (1 - a);
    if (oa <= 0) return;
    out.data[i] = Math.round((r * a + out.data[i] * da * (1 - a)) / oa);
    out.data[i + 1] = Math.round((g * a + out.data[i + 1] * da * (1 - a)) / oa);
    out.data[i + 2] = Math.round((b * a + out.data[i + 2] * da * (1 - a)) / oa);
    out.data[i + 3] = Math.round(oa * 255);
  }
}

/** Node unit square -> image unit square, per scale mode (Figma's CROP transform is exactly this map). */
function imageMapping(p: Paint, bw: number, bh: number, img: RgbaImage): number[][] {
  if (p.scaleMode === 'CROP' && p.imageTransform) return p.imageTransform;
  const nodeAspect = bw / bh;
  const imgAspect = img.width / img.height;
  const cover = p.scaleMode !== 'FIT';
  // Fraction of the image visible across each axis.
  let fu = 1;
  let fv = 1;
  if (cover === imgAspect > nodeAspect) fu = nodeAspect / imgAspect;
  else fv = imgAspect / nodeAspect;
  return [[fu, 0, (1 - fu) / 2], [0, fv, (1 - fv) / 2]];
}

function paintsOf(n: FakeNode): Paint[] {
  const f = n.fills;
  return Array.isArray(f) ? (f as Paint[]) : [];
}

function intersect(a: Rect, b: Rect): Rect {
  return { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
}
