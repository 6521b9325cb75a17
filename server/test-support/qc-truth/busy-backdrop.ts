/**
 * Busy backdrops for the ground-truth suite: real photos from samples/photos (green tees on wooden
 * hangers; a patterned bedsheet), scaled to cover the frame. A garment composited onto one is what an
 * unedited phone shot or a lifestyle set looks like to QC: the backdrop checks must refuse it.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS } from '../cutout-iou';

const BUSY = ['other/payload-tshirts-on-hangers-unsplash.jpg', 'flatlay/cd-tshirt-print-patterned-sheet.jpg'] as const;

/** RGB, 3 bytes a pixel, of busy photo `k` (by turn) covering width x height. */
export async function busyBackdrop(k: number, width: number, height: number): Promise<Uint8Array> {
  const { data } = await sharp(join(PHOTOS, BUSY[k % BUSY.length]))
    .removeAlpha()
    .resize(width, height, { fit: 'cover' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
