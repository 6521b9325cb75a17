/**
 * An honest offline "loop" from a still: a slow camera move over the photograph (push-in, pull-out,
 * pan, tilt), nothing else. The view window zooms toward the garment's centre and never leaves the
 * image; a loop eases out and back so its last frame meets its first. Frames are resampled
 * bilinearly at sub-pixel positions, so the move is smooth rather than stepping a pixel at a time.
 * Orbit and parallax need depth a still does not have: they are rendered as a push-in with a
 * sideways drift, and `describeCameraMove` says so.
 */
import type { CameraPath } from '../brand/motion-brief';
import type { Box } from '../raster/mask';
import type { Raster } from '../raster/raster';

/** The part of the still a frame shows: its centre and width in still pixels (height follows the aspect). */
export interface ViewWindow {
  cx: number;
  cy: number;
  width: number;
}

/** What the offline renderer does for a camera path, in words for the audit trail. */
export function describeCameraMove(path: CameraPath, amount: number, loop: boolean): string {
  const pct = `${Math.round(amount * 100)}%`;
  const move: Record<CameraPath, string> = {
    static: 'no camera move (a still held)',
    'push-in': `a ${pct} push-in`,
    'pull-out': `a ${pct} pull-out`,
    'pan-left': `a ${pct} pan to the left`,
    'pan-right': `a ${pct} pan to the right`,
    'tilt-up': `a ${pct} tilt up`,
    'tilt-down': `a ${pct} tilt down`,
    'orbit-left': `a ${pct} push-in drifting left (a still cannot orbit)`,
    'orbit-right': `a ${pct} push-in drifting right (a still cannot orbit)`,
    parallax: `a ${pct} push-in (a still has no depth for parallax)`,
  };
  return `${move[path]}${loop && path !== 'static' ? ', out and back so the loop closes' : ''}`;
}

/**
 * The window at time `t` (0..1 of the clip). `subject` (still pixels) is where a push-in heads.
 * @example cameraWindow('push-in', 0.08, 0, true, { width: 1024, height: 1536 }, null) // { cx: 512, cy: 768, width: 1024 }
 */
export function cameraWindow(path: CameraPath, amount: number, t: number, loop: boolean, still: { width: number; height: number }, subject: Box | null): ViewWindow {
  // Ease in and out; a loop goes there and back (0 -> 1 -> 0), so frame n would be frame 0.
  const p = loop ? (1 - Math.cos(2 * Math.PI * t)) / 2 : (1 - Math.cos(Math.PI * t)) / 2;
  const W = still.width;
  const H = still.height;
  const target = subject ? { x: subject.x + subject.width / 2, y: subject.y + subject.height / 2 } : { x: W / 2, y: H / 2 };
  let zoom = 1;
  let sx = 0;
  let sy = 0;
  switch (path) {
    case 'push-in':
    case 'parallax':
      zoom = 1 + amount * p;
      break;
    case 'pull-out':
      zoom = 1 + amount * (1 - p);
      break;
    case 'orbit-left':
    case 'orbit-right':
      zoom = 1 + amount * p;
      sx = (path === 'orbit-left' ? -1 : 1) * amount * 0.5 * p;
      break;
    case 'pan-left':
    case 'pan-right':
      zoom = 1 + amount;
      sx = (path === 'pan-left' ? 1 : -1) * amount * (p - 0.5);
      break;
    case 'tilt-up':
    case 'tilt-down':
      zoom = 1 + amount;
      sy = (path === 'tilt-up' ? 1 : -1) * amount * (p - 0.5);
      break;
    default:
      break;
  }
  const width = W / zoom;
  const height = H / zoom;
  // Head toward the garment as far as the zoom allows, then keep the window inside the still.
  const pull = zoom > 1 ? Math.min(1, (zoom - 1) / Math.max(amount, 1e-6)) : 0;
  let cx = W / 2 + (target.x - W / 2) * pull + sx * W;
  let cy = H / 2 + (target.y - H / 2) * pull + sy * H;
  cx = Math.min(W - width / 2, Math.max(width / 2, cx));
  cy = Math.min(H - height / 2, Math.max(height / 2, cy));
  return { cx, cy, width };
}

/**
 * Resamples the still into `out` (same aspect) through the window, bilinearly. 8-bit RGBA.
 * @example renderCameraFrame(still, frame, cameraWindow('push-in', 0.08, 0.5, true, still, box))
 */
export function renderCameraFrame(still: Raster, out: Raster, window: ViewWindow): void {
  if (still.depth !== 8 || out.depth !== 8) throw new TypeError('renderCameraFrame works on 8-bit rasters');
  const scale = window.width / out.width;
  const x0 = window.cx - window.width / 2;
  const y0 = window.cy - (out.height * scale) / 2;
  const W = still.width;
  const H = still.height;
  const xi = new Int32Array(out.width);
  const xf = new Float32Array(out.width);
  for (let x = 0; x < out.width; x++) {
    const sx = Math.min(W - 1, Math.max(0, x0 + (x + 0.5) * scale - 0.5));
    xi[x] = Math.min(W - 2, Math.floor(sx));
    xf[x] = sx - xi[x];
  }
  const src = still.data;
  const dst = out.data;
  for (let y = 0; y < out.height; y++) {
    const sy = Math.min(H - 1, Math.max(0, y0 + (y + 0.5) * scale - 0.5));
    const r0 = Math.min(H - 2, Math.floor(sy));
    const fy = sy - r0;
    const a = r0 * W * 4;
    const b = a + W * 4;
    let o = y * out.width * 4;
    for (let x = 0; x < out.width; x++, o += 4) {
      const i = xi[x] * 4;
      const fx = xf[x];
      for (let c = 0; c < 4; c++) {
        const top = src[a + i + c] + (src[a + i + 4 + c] - src[a + i + c]) * fx;
        const bottom = src[b + i + c] + (src[b + i + 4 + c] - src[b + i + c]) * fx;
        dst[o + c] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
}
