/**
 * Connected components of a binary mask, with each component's area and box: runs of set pixels
 * joined row to row with union-find (no recursion, no per-pixel allocation). The subject is the largest component; small
 * ones left on the background are stray objects or dust.
 */
import type { Box, Mask } from './mask';

export interface Component {
  /** Label value in `labels` (1-based). */
  label: number;
  area: number;
  box: Box;
  /** True when the component touches the image border. */
  touchesBorder: boolean;
}

export interface Components {
  /** Per pixel: 0 outside the mask, else the component's label. */
  labels: Int32Array;
  /** Sorted by area, largest first. */
  components: Component[];
}

function find(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

function union(parent: Int32Array, x: number, y: number): number {
  const rx = find(parent, x);
  const ry = find(parent, y);
  if (rx === ry) return rx;
  if (rx < ry) {
    parent[ry] = rx;
    return rx;
  }
  parent[rx] = ry;
  return ry;
}

/**
 * Labels the connected components of a mask (8-connected by default). Works on runs of set pixels,
 * so a large garment costs a few operations per row rather than per pixel.
 * @example labelComponents(mask).components[0].area // the largest blob
 */
export function labelComponents(mask: Mask, connectivity: 4 | 8 = 8): Components {
  const { width, height, data } = mask;
  const reach = connectivity === 8 ? 1 : 0;
  let runStart = new Int32Array(4096);
  let runEnd = new Int32Array(4096);
  let runRow = new Int32Array(4096);
  let parent = new Int32Array(4096);
  let runs = 0;
  let prevFirst = 0;
  let prevLast = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const first = runs;
    let x = 0;
    while (x < width) {
      while (x < width && !data[row + x]) x++;
      if (x >= width) break;
      const s = x;
      while (x < width && data[row + x]) x++;
      if (runs >= runStart.length) {
        runStart = grow(runStart);
        runEnd = grow(runEnd);
        runRow = grow(runRow);
        parent = grow(parent);
      }
      runStart[runs] = s;
      runEnd[runs] = x - 1;
      runRow[runs] = y;
      parent[runs] = runs;
      for (let q = prevFirst; q < prevLast; q++) {
        if (runEnd[q] + reach < s) continue;
        if (runStart[q] - reach > x - 1) break;
        union(parent, runs, q);
      }
      runs++;
    }
    prevFirst = first;
    prevLast = runs;
  }
  const labels = new Int32Array(width * height);
  const final = new Int32Array(runs);
  const stats: { area: number; x0: number; y0: number; x1: number; y1: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const root = find(parent, r);
    if (root === r) {
      stats.push({ area: 0, x0: width, y0: height, x1: -1, y1: -1 });
      final[r] = stats.length;
    } else final[r] = final[root];
    const l = final[r];
    const st = stats[l - 1];
    const y = runRow[r];
    st.area += runEnd[r] - runStart[r] + 1;
    if (runStart[r] < st.x0) st.x0 = runStart[r];
    if (runEnd[r] > st.x1) st.x1 = runEnd[r];
    if (y < st.y0) st.y0 = y;
    if (y > st.y1) st.y1 = y;
    labels.fill(l, y * width + runStart[r], y * width + runEnd[r] + 1);
  }
  const components: Component[] = stats.map((st, i) => ({
    label: i + 1,
    area: st.area,
    box: { x: st.x0, y: st.y0, width: st.x1 - st.x0 + 1, height: st.y1 - st.y0 + 1 },
    touchesBorder: st.x0 === 0 || st.y0 === 0 || st.x1 === width - 1 || st.y1 === height - 1,
  }));
  components.sort((p, q) => q.area - p.area);
  return { labels, components };
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}

/**
 * A mask holding only the given component labels.
 * @example selectComponents(parts, w, h, [parts.components[0].label]) // the largest blob only
 */
export function selectComponents(components: Components, width: number, height: number, keep: readonly number[]): Mask {
  const wanted = new Uint8Array(components.components.length + 2);
  for (const label of keep) wanted[label] = 1;
  const data = new Uint8Array(width * height);
  const { labels } = components;
  for (let i = 0; i < data.length; i++) data[i] = wanted[labels[i]];
  return { width, height, data };
}

/**
 * Sets every unset pixel that is not 4-connected to the image border: fills holes.
 * @example fillHoles(mask) // a ring becomes a disc
 */
export function fillHoles(mask: Mask): Mask {
  const { width, height, data } = mask;
  const inverse = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) inverse[i] = data[i] ^ 1;
  const parts = labelComponents({ width, height, data: inverse }, 4);
  const outside = new Uint8Array(parts.components.length + 1);
  for (const c of parts.components) if (c.touchesBorder) outside[c.label] = 1;
  const out = new Uint8Array(data.length);
  const { labels } = parts;
  for (let i = 0; i < out.length; i++) out[i] = labels[i] && outside[labels[i]] ? 0 : 1;
  return { width, height, data: out };
}
