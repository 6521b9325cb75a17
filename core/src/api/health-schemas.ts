/** `GET /health` and `GET /v1/me`: is the server up, and who am I. */
import { z } from 'zod';
import { Role } from './roles';

export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export const Me = z.object({
  tokenId: z.string(),
  name: z.string(),
  role: Role,
  actions: z.array(z.string()).describe('Every action this token may perform (see roles)'),
});
export type Me = z.infer<typeof Me>;

export const ProviderInfo = z.object({
  name: z.string(),
  default: z.boolean(),
  kinds: z.array(z.string()).describe('Job kinds this provider runs'),
  webhooks: z.boolean(),
  note: z.string().describe('What it does, in words; the local provider says it is not generative'),
});
export const ProviderList = z.object({ providers: z.array(ProviderInfo) });
export type ProviderList = z.infer<typeof ProviderList>;
