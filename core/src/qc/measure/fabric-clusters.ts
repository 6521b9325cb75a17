/**
 * The garment's colours as colour alone tells them apart: its dominant fabric, and what is not it
 * (prints, logos, trims, hardware, a second colourway panel, skin on an on-model shot). fabricMask
 * (fabric-mask.ts) is what QC measures on: these clusters, with a blown highlight's glow kept out of
 * the decision that parts a light print from the fabric.
 *
 * In Lab, one fabric under shading (folds, drape, fall-off) is a dense, connected trail of colours
 * (mostly along L*, bending a little in hue for saturated colours); a print is another dense cluster,
 * joined to it only by the few pixels that blend the two along the print's edge. So the garment's
 * colours are binned in 2.5-unit Lab cells, the cells holding a real share of pixels are joined into
 * clusters by adjacency, and the cluster with the most pixels is the fabric; the other clusters of
 * at least 0.2% of the garment are what is excluded. Sparse colours (edge blends, the far tail of a
 * deep fold) are neither and are not measured. Pixels clipped to white or black, semi-transparent
 * ones and the outline are left out of both. Works on the proxy grid.
 */
import type { Lab } from '../../color/lab';
import type { Box, Mask } from '../../raster/mask';
import { maskArea } from '../../raster/mask';
import { closeMask, dilateMask, erodeMask } from '../../raster/morphology';
import { labelComponents } from '../../raster/connected-components';
import type { QcImage } from '../qc-image';
import { memoized } from '../qc-image';
import { addToHistogram, createHistogram, quantile } from './histogram';
import { isBlown, isCrushed } from './clipped-pixel';

export interface ExcludedRegion {
  /** Proxy-grid box. */
  box: Box;
  /** Share of the garment's measurable pixels. */
  share: number;
  /** Median colour of the region. */
  lab: Lab;
}

export interface FabricMask {
  /** 1 = dominant fabric, on the proxy grid. */
  mask: Mask;
  /** 1 = inside the garment but another colour cluster (print, logo, trim, hardware, another panel). */
  excluded: Mask;
  /** The excluded pixels as regions of at least 0.2% of the garment, largest first. */
  regions: ExcludedRegion[];
  /** Fabric pixels over the garment's measurable pixels (0..1): low means no colour dominates. */
  share: number;
  /**
   * Other colour clusters at least half the fabric's size (an on-model shot with two garments, a
   * colour-blocked piece): each could be the SKU, so the colour check looks at them too.
   */
  rivals: { mask: Mask; share: number }[];
}

const CELL = 2.5;
const L_CELLS = Math.floor(100 / CELL) + 1;
const AB_MIN = -110;
const AB_CELLS = Math.floor(220 / CELL) + 1;
const MAX_SAMPLES = 150_000;
/** A cell is dense when it holds this share of the sampled pixels (and at least 3). */
const DENSE = 2e-4;
/** A cluster other than the fabric is reported when it holds this share of the garment. */
const SIGNIFICANT = 0.002;
/** A cluster at least this fraction of the fabric's size is a rival for the SKU's garment. */
const RIVAL = 0.5;

/**
 * The clusters with every pixel's colour taken at face value. The highlight check reads prints out of
 * a blown region's fall-off with these (it cannot wait for fabricMask, which needs its highlights).
 * @example fabricClusters(image)?.regions.length // 1: the white logo on a navy tee
 */
export function fabricClusters(image: QcImage): FabricMask | null {
  return memoized(image, 'fabric-clusters', () => clusterFabric(image, null));
}

/**
 * Garment pixels worth measuring: inside the subject (its outline peeled off), opaque, not clipped.
 * @example measurableGarment(image).data.reduce((n, v) => n + v, 0)
 */
export function measurableGarment(image: QcImage): Mask {
  return memoized(image, 'measurable-garment', () => measurable(image));
}

// The memoised measures are named functions, not closures made afresh per image: V8 optimised each new
// closure's long loop again (on-stack replacement), a dozen times per worker.
function measurable(image: QcImage): Mask {
  const { lab, proxy, subject } = image;
  const interior = maskArea(subject.mask) >= 400 ? erodeMask(subject.mask, 1) : subject.mask;
  const data = new Uint8Array(interior.data.length);
  const px = proxy.data;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    if (!interior.data[i] || (lab.alpha && lab.alpha[i] < 250)) continue;
    if (!isBlown(px[p], px[p + 1], px[p + 2]) && !isCrushed(px[p], px[p + 1], px[p + 2])) data[i] = 1;
  }
  return { width: interior.width, height: interior.height, data };
}

/**
 * The clusters, with the `glow` pixels (1 = a highlight's glow) left out of the lightness histogram
 * that parts a print differing from the fabric in lightness alone: a glow spans every lightness from
 * the fabric's to white and would fill the valley between them. Glow pixels in the fabric's trail
 * are fabric, also beyond the valley (the light lifted them there; the swatch leaves the lobe out
 * itself); in another cluster they are neither fabric nor print.
 * @example clusterFabric(image, glow)?.mask // the black cap's fabric without its white logo
 */
export function clusterFabric(image: QcImage, glow: Uint8Array | null): FabricMask | null {
  const cells = colourCells(image);
  if (!cells) return null;
  const { usable, area, cellOf, counts, samples } = cells;
  const n = usable.data.length;
  // What the lightness split reads: the same sampled counts without the glow.
  const unlit = glow ? unlitCounts(usable.data, cellOf, cells.stride, glow, counts.length) : counts;
  // The split relabels cells: work on a copy of the shared clusters.
  const clusters = { labels: cells.clusters.labels.slice(), mass: cells.clusters.mass.slice() };
  const before = clusters.mass.length;
  splitAlongLightness(counts, unlit, clusters, largest(clusters.mass), samples * SIGNIFICANT);
  const fabricLabel = largest(clusters.mass);
  // What the split parted from the fabric's trail: a light (or dark) print, or, in the glow, fabric
  // the highlight lit beyond the valley.
  const parted = (k: number) => k > before && k !== fabricLabel;
  const fabric = new Uint8Array(n);
  const other = new Uint8Array(n);
  const rivalLabels = clusters.mass.map((m, k) => k + 1).filter((k) => k !== fabricLabel && clusters.mass[k - 1] >= clusters.mass[fabricLabel - 1] * RIVAL);
  const rivals = rivalLabels.map(() => new Uint8Array(n));
  assignPixels(usable.data, cellOf, clusters, fabricLabel, parted, glow, samples * SIGNIFICANT, rivalLabels, fabric, other, rivals);
  const { width, height } = usable;
  // Blended pixels along a print's edge are neither colour: leave a pixel round every print out.
  const excluded = closeMask({ width, height, data: other }, 1);
  const border = dilateMask({ width, height, data: other }, 1).data;
  const fabricCount = trimBorders(fabric, border, excluded.data, usable.data);
  return {
    mask: { width, height, data: fabric },
    excluded,
    regions: excludedRegions(excluded, image, area),
    share: fabricCount / area,
    rivals: rivals.map((data, r) => ({ mask: { width, height, data }, share: clusters.mass[rivalLabels[r] - 1] / samples })),
  };
}

// The passes over the pixels are functions of their own: V8 optimises a long loop while it runs
// (on-stack replacement) by compiling the whole function round it, again for each later loop it has not
// seen run, so one function with every pass was compiled many times per worker for little work.

/** The sampled counts per cell without the glow's pixels. */
function unlitCounts(usable: Uint8Array, cellOf: Int32Array, stride: number, glow: Uint8Array, cells: number): Uint32Array {
  const unlit = new Uint32Array(cells);
  for (let i = 0, seen = 0; i < usable.length; i++) {
    if (!usable[i]) continue;
    if (seen++ % stride === 0 && !glow[i]) unlit[cellOf[i]]++;
  }
  return unlit;
}

/** Marks each usable pixel fabric, other (and which rival) or neither, by its cell's cluster. */
function assignPixels(
  usable: Uint8Array,
  cellOf: Int32Array,
  clusters: { labels: Int32Array; mass: number[] },
  fabricLabel: number,
  parted: (k: number) => boolean,
  glow: Uint8Array | null,
  minMass: number,
  rivalLabels: number[],
  fabric: Uint8Array,
  other: Uint8Array,
  rivals: Uint8Array[],
): void {
  for (let i = 0; i < usable.length; i++) {
    if (!usable[i]) continue;
    const k = clusters.labels[cellOf[i]];
    if (k === fabricLabel || (glow?.[i] && parted(k))) fabric[i] = 1;
    else if (glow?.[i]) continue;
    else if (k > 0 && clusters.mass[k - 1] >= minMass) {
      other[i] = 1;
      const r = rivalLabels.indexOf(k);
      if (r >= 0) rivals[r][i] = 1;
    }
  }
}

/** Clears fabric under the prints' border and excluded pixels outside the usable ones; the fabric's count. */
function trimBorders(fabric: Uint8Array, border: Uint8Array, excluded: Uint8Array, usable: Uint8Array): number {
  let fabricCount = 0;
  for (let i = 0; i < fabric.length; i++) {
    if (border[i]) fabric[i] = 0;
    fabricCount += fabric[i];
    excluded[i] &= usable[i];
  }
  return fabricCount;
}

interface ColourCells {
  usable: Mask;
  area: number;
  /** Every `stride`-th usable pixel is counted. */
  stride: number;
  /** Each usable pixel's Lab cell. */
  cellOf: Int32Array;
  /** Sampled pixels per cell. */
  counts: Uint32Array;
  samples: number;
  /** The dense cells joined into clusters, before any split along lightness. */
  clusters: { labels: Int32Array; mass: number[] };
}

/**
 * The garment's measurable pixels binned in Lab cells and the dense cells joined into clusters, once
 * per image: clusterFabric reads them with and without a highlight's glow. Null when there is too
 * little garment or no dense colour.
 */
function colourCells(image: QcImage): ColourCells | null {
  return memoized(image, 'fabric-colour-cells', () => binnedCells(image));
}

function binnedCells(image: QcImage): ColourCells | null {
  const { lab } = image;
  const usable = measurableGarment(image);
  const n = usable.data.length;
  const area = maskArea(usable);
  if (area < 20) return null;
  const stride = Math.max(1, Math.floor(area / MAX_SAMPLES));
  const cellOf = new Int32Array(n);
  const counts = new Uint32Array(L_CELLS * AB_CELLS * AB_CELLS);
  const samples = binCells(usable.data, lab, stride, cellOf, counts);
  const clusters = denseClusters(counts, Math.max(3, Math.ceil(samples * DENSE)));
  return clusters.mass.length ? { usable, area, stride, cellOf, counts, samples, clusters } : null;
}

/** Each usable pixel's Lab cell into cellOf, every stride-th counted; the number counted. */
function binCells(usable: Uint8Array, lab: QcImage['lab'], stride: number, cellOf: Int32Array, counts: Uint32Array): number {
  let samples = 0;
  for (let i = 0, seen = 0; i < usable.length; i++) {
    if (!usable[i]) continue;
    const c = cell(lab.l[i], lab.a[i], lab.b[i]);
    cellOf[i] = c;
    if (seen++ % stride === 0) {
      counts[c]++;
      samples++;
    }
  }
  return samples;
}

/** A valley this deep (its count over the peak's beyond it) parts two colours the blends at a print's edge joined. */
const VALLEY = 0.1;

function largest(mass: number[]): number {
  let label = 1;
  for (let k = 2; k <= mass.length; k++) if (mass[k - 1] > mass[label - 1]) label = k;
  return label;
}

/**
 * A print that differs from the fabric in lightness alone (a light print on a black or grey garment)
 * is joined to it along L* by the blended pixels at its edges, which are few. Shading spreads a
 * fabric over L* too, but continuously: its lightness histogram falls away from the peak without
 * rising again. So where the cluster's lightness histogram has a second peak of at least `minMass`
 * pixels beyond a valley under VALLEY of both peaks, the cells beyond the valley become a cluster
 * of their own. The histogram is read from `unlit` (the counts without a highlight's glow).
 */
function splitAlongLightness(counts: Uint32Array, unlit: Uint32Array, clusters: { labels: Int32Array; mass: number[] }, label: number, minMass: number): void {
  const hist = new Float64Array(L_CELLS);
  const plane = AB_CELLS * AB_CELLS;
  for (let c = 0; c < counts.length; c++) if (clusters.labels[c] === label) hist[Math.floor(c / plane)] += unlit[c];
  let peak = 0;
  for (let il = 1; il < L_CELLS; il++) if (hist[il] > hist[peak]) peak = il;
  for (const dir of [1, -1]) {
    let best = -1;
    for (let v = peak + dir; v >= 0 && v < L_CELLS; v += dir) {
      let beyond = 0;
      let top = 0;
      for (let q = v + dir; q >= 0 && q < L_CELLS; q += dir) {
        beyond += hist[q];
        top = Math.max(top, hist[q]);
      }
      if (beyond < minMass || hist[v] > VALLEY * top || hist[v] > VALLEY * hist[peak]) continue;
      if (best < 0 || hist[v] < hist[best]) best = v;
    }
    if (best < 0) continue;
    const part = clusters.mass.length + 1;
    let moved = 0;
    for (let c = 0; c < counts.length; c++) {
      const il = Math.floor(c / plane);
      if (clusters.labels[c] !== label || (dir > 0 ? il <= best : il >= best)) continue;
      clusters.labels[c] = part;
      moved += counts[c];
    }
    clusters.mass[label - 1] -= moved;
    clusters.mass.push(moved);
  }
}

function cell(l: number, a: number, b: number): number {
  const il = Math.min(L_CELLS - 1, Math.max(0, Math.floor(l / CELL)));
  const ia = Math.min(AB_CELLS - 1, Math.max(0, Math.floor((a - AB_MIN) / CELL)));
  const ib = Math.min(AB_CELLS - 1, Math.max(0, Math.floor((b - AB_MIN) / CELL)));
  return (il * AB_CELLS + ia) * AB_CELLS + ib;
}

/** Dense cells joined into clusters by 26-adjacency: a label per cell (0 = sparse) and each cluster's pixel count. */
function denseClusters(counts: Uint32Array, dense: number): { labels: Int32Array; mass: number[] } {
  const labels = new Int32Array(counts.length);
  const mass: number[] = [];
  const queue: number[] = [];
  for (let start = 0; start < counts.length; start++) {
    if (counts[start] < dense || labels[start]) continue;
    const label = mass.length + 1;
    let total = 0;
    labels[start] = label;
    queue.push(start);
    while (queue.length) {
      const c = queue.pop()!;
      total += counts[c];
      const ib = c % AB_CELLS;
      const ia = Math.floor(c / AB_CELLS) % AB_CELLS;
      const il = Math.floor(c / (AB_CELLS * AB_CELLS));
      for (let dl = -1; dl <= 1; dl++) {
        const l = il + dl;
        if (l < 0 || l >= L_CELLS) continue;
        for (let da = -1; da <= 1; da++) {
          const a = ia + da;
          if (a < 0 || a >= AB_CELLS) continue;
          for (let db = -1; db <= 1; db++) {
            const b = ib + db;
            if (b < 0 || b >= AB_CELLS) continue;
            const q = (l * AB_CELLS + a) * AB_CELLS + b;
            if (counts[q] >= dense && !labels[q]) {
              labels[q] = label;
              queue.push(q);
            }
          }
        }
      }
    }
    mass.push(total);
  }
  return { labels, mass };
}

function excludedRegions(excluded: Mask, image: QcImage, area: number): FabricMask['regions'] {
  const parts = labelComponents(excluded, 8);
  const minArea = Math.max(4, area * 0.002);
  const { lab } = image;
  const out: ExcludedRegion[] = [];
  for (const c of parts.components) {
    if (c.area < minArea) break;
    const l = createHistogram(0, 100, 0.1);
    const a = createHistogram(-128, 128, 0.1);
    const b = createHistogram(-128, 128, 0.1);
    for (let y = c.box.y; y < c.box.y + c.box.height; y++) {
      for (let x = c.box.x, p = y * excluded.width + x; x < c.box.x + c.box.width; x++, p++) {
        if (parts.labels[p] !== c.label) continue;
        addToHistogram(l, lab.l[p]);
        addToHistogram(a, lab.a[p]);
        addToHistogram(b, lab.b[p]);
      }
    }
    out.push({ box: c.box, share: c.area / area, lab: { l: quantile(l, 0.5), a: quantile(a, 0.5), b: quantile(b, 0.5) } });
  }
  return out;
}
