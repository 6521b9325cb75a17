/**
 * Moodboard rows: the board's request and plan (each cell with its job id, what it varies, prompt and
 * seed). A cell's state and image are its job's, read when the board is read.
 */
import type { Moodboard, MoodboardCell } from '@brandlock/core/api';
import type { Queryable } from './database';
import { outputsOfJobs } from './assets';
import { iso } from './time';

/** A cell as stored: the plan, not the state. */
export type StoredCell = Omit<MoodboardCell, 'state' | 'stage' | 'output' | 'error'>;

export interface MoodboardRow {
  id: string;
  lock_hash: string;
  provider: Moodboard['provider'];
  category: string;
  title: string;
  request: Moodboard['request'];
  constants: string[];
  note: string | null;
  image_width: number;
  image_height: number;
  cells: StoredCell[];
  requested_by: string;
  token_id: string | null;
  created_at: Date;
}

export type NewMoodboard = Omit<MoodboardRow, 'created_at'>;

export async function insertMoodboard(db: Queryable, m: NewMoodboard): Promise<void> {
  await db.query(
    `INSERT INTO moodboards (id, lock_hash, provider, category, title, request, constants, note, image_width, image_height, cells, requested_by, token_id)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11::jsonb, $12, $13)`,
    [m.id, m.lock_hash, m.provider, m.category, m.title, JSON.stringify(m.request), JSON.stringify(m.constants), m.note, m.image_width, m.image_height, JSON.stringify(m.cells), m.requested_by, m.token_id],
  );
}

export async function getMoodboardRow(db: Queryable, id: string): Promise<MoodboardRow | null> {
  return (await db.query<MoodboardRow>('SELECT * FROM moodboards WHERE id = $1', [id]))[0] ?? null;
}

/** The board as the API shows it: each cell with its job's state, stage, image and error. */
export async function getMoodboard(db: Queryable, id: string, lockVersion: (hash: string) => Promise<string>): Promise<Moodboard | null> {
  const row = await getMoodboardRow(db, id);
  if (!row) return null;
  const ids = row.cells.map((c) => c.jobId);
  const jobs = new Map((await db.query<{ id: string; state: MoodboardCell['state']; stage: string; error: MoodboardCell['error'] }>(
    'SELECT id, state, stage, error FROM jobs WHERE id = ANY($1::text[])', [ids],
  )).map((j) => [j.id, j]));
  const outputs = await outputsOfJobs(db, ids);
  const cells: MoodboardCell[] = row.cells.map((c) => {
    const job = jobs.get(c.jobId);
    return { ...c, state: job?.state ?? 'failed', stage: job?.stage ?? 'the job is missing', output: outputs.get(c.jobId)?.[0] ?? null, error: job?.error ?? null };
  });
  return {
    id: row.id,
    state: boardState(cells),
    provider: row.provider,
    lockHash: row.lock_hash,
    lockVersion: await lockVersion(row.lock_hash),
    category: row.category,
    title: row.title,
    request: row.request,
    constants: row.constants,
    note: row.note,
    imageWidth: row.image_width,
    imageHeight: row.image_height,
    cells,
    requestedBy: row.requested_by,
    createdAt: iso(row.created_at),
  };
}

/** Running while any cell is open; succeeded when all made their image; canceled if any was canceled; else failed. */
export function boardState(cells: readonly Pick<MoodboardCell, 'state'>[]): MoodboardCell['state'] {
  if (cells.some((c) => c.state === 'queued' || c.state === 'running')) return cells.some((c) => c.state === 'running' || c.state === 'succeeded') ? 'running' : 'queued';
  if (cells.every((c) => c.state === 'succeeded')) return 'succeeded';
  return cells.some((c) => c.state === 'canceled') ? 'canceled' : 'failed';
}

