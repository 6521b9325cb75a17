/**
 * Region growing of the background from the image border. A pixel joins when it is within the
 * model's tolerance, or when it is a small step from a neighbour that already joined and still
 * within a wider limit: that follows the gentle fall-off of a lit sweep without jumping the hard
 * edge of a garment.
 */
import type { LabImage } from './lab-image';
import type { BackgroundModel } from './border-background-model';

/** Largest Lab step between neighbours that counts as a gradient rather than an edge. */
const STEP = 1.2;
/** The gradient may carry the background this many tolerances from the model. */
const FAR = 2;

/**
 * Returns 1 for background pixels (connected to the border), 0 elsewhere.
 * @example growBackground(lab, borderBackgroundModel(lab, opts))
 */
export function growBackground(lab: LabImage, model: BackgroundModel): Uint8Array {
  const { width, height, l, a, b } = lab;
  const { distance, tolerance, lightnessWeight: w } = model;
  const far = tolerance * FAR;
  const bg = new Uint8Array(width * height);
  const queue = new Int32Array(width * height);
  let head = 0;
  let tail = 0;
  const seed = (p: number) => {
    if (!bg[p] && distance[p] <= tolerance) {
      bg[p] = 1;
      queue[tail++] = p;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  const visit = (p: number, q: number) => {
    if (bg[q]) return;
    const dq = distance[q];
    if (dq > far) return;
    if (dq > tolerance) {
      const dl = (l[q] - l[p]) * w;
      const da = a[q] - a[p];
      const db = b[q] - b[p];
      if (dl * dl + da * da + db * db > STEP * STEP) return;
    }
    bg[q] = 1;
    queue[tail++] = q;
  };
  while (head < tail) {
    const p = queue[head++];
    const y = (p / width) | 0;
    const x = p - y * width;
    if (x > 0) visit(p, p - 1);
    if (x < width - 1) visit(p, p + 1);
    if (y > 0) visit(p, p - width);
    if (y < height - 1) visit(p, p + width);
  }
  return bg;
}
