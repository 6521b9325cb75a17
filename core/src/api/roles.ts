/**
 * Token roles and what each may do. The server checks every route against this table and the plugins
 * read it to hide what a user cannot do; one table, so the two never disagree.
 */
import { z } from 'zod';

export const Role = z.enum(['admin', 'art-director', 'designer', 'retoucher', 'service']);
export type Role = z.infer<typeof Role>;

const everyone: Role[] = ['admin', 'art-director', 'designer', 'retoucher', 'service'];

/** Each action and the roles allowed to perform it. */
export const ACTION_ROLES = {
  'tokens:manage': ['admin'],
  'locks:read': everyone,
  'locks:publish': ['admin'],
  'briefs:read': everyone,
  'briefs:write': ['admin', 'art-director', 'service'],
  'uploads:write': everyone,
  'jobs:create': everyone,
  'jobs:read': everyone,
  /** Cancel a job or moodboard the token started itself. */
  'jobs:cancel': everyone,
  /** Cancel anyone's: art direction and admins run production. */
  'jobs:cancel-any': ['admin', 'art-director'],
  'assets:read': everyone,
  'review:read': ['admin', 'art-director', 'retoucher', 'service'],
  'review:decide': ['admin', 'art-director', 'retoucher'],
  /** The human QC layers: a retoucher judges the technical layer, only art direction the brand layer. */
  'review:technical': ['admin', 'art-director', 'retoucher'],
  'review:brand': ['admin', 'art-director'],
  'audit:read': ['admin', 'art-director', 'retoucher', 'service'],
  'metrics:read': ['admin', 'art-director', 'service'],
  'recipes:approve': ['admin', 'art-director'],
} as const satisfies Record<string, readonly Role[]>;

export type ApiAction = keyof typeof ACTION_ROLES;

/**
 * @example canPerform('designer', 'locks:publish') // false
 */
export function canPerform(role: Role, action: ApiAction): boolean {
  return (ACTION_ROLES[action] as readonly Role[]).includes(role);
}

/** Every action a role may perform, e.g. for a panel to decide which tabs to show. */
export function actionsOf(role: Role): ApiAction[] {
  return (Object.keys(ACTION_ROLES) as ApiAction[]).filter((a) => canPerform(role, a));
}

/** The review layer a role decides in when it does not say: retouchers technical, everyone else brand. */
export function defaultReviewLayer(role: Role): 'technical' | 'brand' {
  return role === 'retoucher' ? 'technical' : 'brand';
}

/**
 * Whether a role may decide in a review layer.
 * @example canReviewLayer('retoucher', 'brand') // false
 */
export function canReviewLayer(role: Role, layer: 'technical' | 'brand'): boolean {
  return canPerform(role, layer === 'brand' ? 'review:brand' : 'review:technical');
}
