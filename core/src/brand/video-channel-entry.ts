/** A video channel in a lock: a built-in video preset plus overrides, or a complete custom spec. */
import { z } from 'zod';
import { Id } from './fields';
import { VideoChannelFields } from '../channels/video-channel-spec';

export const VideoChannelEntry = VideoChannelFields.partial().extend({
  id: Id,
  preset: z.string().max(64).optional().describe('Id of a built-in video channel preset to start from'),
});
export type VideoChannelEntry = z.infer<typeof VideoChannelEntry>;
