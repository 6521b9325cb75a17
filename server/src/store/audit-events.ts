/** The event log: who did what (tokens, lock publishes, briefs, jobs, review decisions), append-only. */
import type { AuditEvent } from '@brandlock/core/api';
import type { Queryable } from './database';
import { decodeCursor, encodeCursor } from './cursor';
import { iso } from './time';

export interface Actor {
  name: string;
  tokenId: string | null;
}

export const SYSTEM_ACTOR: Actor = { name: 'system', tokenId: null };

export async function recordEvent(db: Queryable, actor: Actor, action: string, subject: string, detail: Record<string, unknown> = {}): Promise<void> {
  await db.query('INSERT INTO audit_events (actor, token_id, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [actor.name, actor.tokenId, action, subject, JSON.stringify(detail)]);
}

/** Records many events in one statement, in the order given. */
export async function recordEvents(db: Queryable, events: readonly { actor: Actor; action: string; subject: string; detail: Record<string, unknown> }[]): Promise<void> {
  if (!events.length) return;
  await db.query(
    `INSERT INTO audit_events (actor, token_id, action, subject, detail)
     SELECT e->>'actor', e->>'token_id', e->>'action', e->>'subject', e->'detail' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n`,
    [JSON.stringify(events.map((e) => ({ actor: e.actor.name, token_id: e.actor.tokenId, action: e.action, subject: e.subject, detail: e.detail })))],
  );
}

interface EventRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

export async function listEvents(
  db: Queryable,
  q: { action?: string; subject?: string; from?: string; to?: string; limit: number; cursor?: string },
): Promise<{ events: AuditEvent[]; nextCursor: string | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.action) add('action = ?', q.action);
  if (q.subject) add('subject = ?', q.subject);
  if (q.from) add('at >= ?', new Date(q.from));
  if (q.to) add('at < ?', new Date(q.to));
  const after = decodeCursor(q.cursor, { serialId: true });
  if (after) add('id > ?', Number(after.id));
  params.push(q.limit + 1);
  const rows = await db.query<EventRow>(`SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT $${params.length}`, params);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({ id: r.id, at: iso(r.at), actor: r.actor, action: r.action, subject: r.subject, detail: r.detail })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: iso(last.at), id: String(last.id) }) : null,
  };
}
