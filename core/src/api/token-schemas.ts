/** API tokens: each has a role; the secret is shown once, at creation, and stored only hashed. */
import { z } from 'zod';
import { IsoTime } from './common';
import { Role } from './roles';

export const TokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  createdAt: IsoTime,
  lastUsedAt: IsoTime.nullable(),
  revokedAt: IsoTime.nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

export const TokenCreateRequest = z.strictObject({
  name: z.string().trim().min(1, 'expected a name saying who or what uses the token').max(100),
  role: Role,
});
export type TokenCreateRequest = z.infer<typeof TokenCreateRequest>;

export const TokenCreated = TokenInfo.extend({
  token: z.string().describe('The secret: shown only in this response, store it now'),
});
export type TokenCreated = z.infer<typeof TokenCreated>;

export const TokenList = z.object({ tokens: z.array(TokenInfo) });
export type TokenList = z.infer<typeof TokenList>;
