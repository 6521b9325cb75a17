// The Imaging API squashes an image given both targetSize sides and answers a 16-bit selection in
// 0..32768: the host asks with one side and scales the mask, so the panel gets what its port says.
import { expect, it } from 'vitest';
import { documentBounds, fitTargetSize, selectionTo8Bit } from './imaging-sizes';

it('asks for the side that makes the image fit inside the target, never more than the area itself', () => {
  expect(fitTargetSize({ width: 4000, height: 6000 }, { width: 1024, height: 1024 })).toEqual({ height: 1024 });
  expect(fitTargetSize({ width: 6000, height: 4000 }, { width: 512, height: 512 })).toEqual({ width: 512 });
  expect(fitTargetSize({ width: 300, height: 200 }, { width: 512, height: 512 })).toEqual({ width: 300 });
});

it('turns a 16-bit selection (0..32768) into the 0..255 mask, and copies an 8-bit one', () => {
  expect([...selectionTo8Bit(Uint16Array.from([0, 16384, 32768]))]).toEqual([0, 128, 255]);
  const eight = Uint8Array.from([0, 7, 255]);
  const copy = selectionTo8Bit(eight);
  expect([...copy]).toEqual([0, 7, 255]);
  expect(copy).not.toBe(eight);
});

it("reports getPixels' trimmed answer in document pixels, scaling a pyramid level's bounds back up", () => {
  const asked = { left: 0, top: 0, right: 4000, bottom: 6000 };
  expect(documentBounds({ left: 100, top: 200, right: 900, bottom: 1400 }, 0, asked)).toEqual({ left: 100, top: 200, right: 900, bottom: 1400 });
  expect(documentBounds({ left: 25, top: 50, right: 225, bottom: 350 }, 2, asked)).toEqual({ left: 100, top: 200, right: 900, bottom: 1400 });
  expect(documentBounds({ left: 0, top: 0, right: 501, bottom: 750 }, 3, asked)).toEqual(asked);
});
