/** Pose sets: the views a category may be shot in (front, back, side, detail, ...). */
import { z } from 'zod';
import { Id, Name, Text } from './fields';

export const PoseView = z.strictObject({
  id: Id,
  name: Name,
  promptFragment: Text(500).default(''),
  required: z.boolean().default(true).describe('Planned for every SKU unless the brief narrows the views'),
  detail: z.boolean().default(false).describe('A detail view: crops may cut the garment'),
});
export type PoseView = z.infer<typeof PoseView>;

export const PoseSet = z.strictObject({
  id: Id,
  name: Name,
  views: z.array(PoseView).min(1).max(20),
});
export type PoseSet = z.infer<typeof PoseSet>;
