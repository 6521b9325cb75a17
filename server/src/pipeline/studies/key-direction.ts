/**
 * Light directions for a lock's `keyDirection` values, as unit vectors in view space (x right, y up,
 * z towards the camera).
 */
import type { z } from 'zod';
import type { KeyDirection } from '@brandlock/core';

type Direction = z.infer<typeof KeyDirection>;

const RAW: Record<Direction, [number, number, number]> = {
  front: [0, 0.15, 1],
  left: [-1, 0.2, 0.25],
  right: [1, 0.2, 0.25],
  'left-45': [-0.7, 0.3, 0.7],
  'right-45': [0.7, 0.3, 0.7],
  top: [0, 1, 0.25],
  back: [0, 0.3, -1],
  butterfly: [0, 0.75, 0.65],
  'rembrandt-left': [-0.6, 0.55, 0.6],
  'rembrandt-right': [0.6, 0.55, 0.6],
};

const normalise = ([x, y, z]: [number, number, number]): [number, number, number] => {
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
};

export function keyVector(direction: Direction): [number, number, number] {
  return normalise(RAW[direction]);
}
