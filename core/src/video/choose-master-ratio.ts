/**
 * Which of a provider's output ratios ("1280:720", "720:1280", "832:1104"...) to ask for, so that
 * every channel cut of the clip is enlarged as little as possible: the ratio whose worst cut needs the
 * least enlargement, ties broken by closeness to the still's own aspect (less of it cropped away).
 */
import { cutUpscale } from './rules/check-clip-technical';

/**
 * @example chooseMasterRatio(['1280:720', '720:1280', '832:1104'], [{ width: 1080, height: 1920 }, { width: 1080, height: 1350 }], { width: 1024, height: 1536 }) // '720:1280'
 */
export function chooseMasterRatio(ratios: readonly string[], cuts: readonly { width: number; height: number }[], still: { width: number; height: number }): string {
  let best = ratios[0];
  let bestKey = [Infinity, Infinity];
  for (const ratio of ratios) {
    const [w, h] = ratio.split(':').map(Number);
    const worst = cuts.length ? Math.max(...cuts.map((c) => cutUpscale({ width: w, height: h }, c))) : 0;
    const key = [Math.round(worst * 1000) / 1000, Math.abs(Math.log(w / h) - Math.log(still.width / still.height))];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = ratio;
      bestKey = key;
    }
  }
  return best;
}
