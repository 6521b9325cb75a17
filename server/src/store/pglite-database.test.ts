// Prepared reads on the embedded database: the same rows as an ordinary query, whatever text the
// parameter holds (quotes and backslashes stay data), prepared once even when first asked for by many
// requests at once; a NUL, which Postgres text cannot hold, is refused before it reaches the SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { openTestDatabase } from '../../test-support/server/test-database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.exec("CREATE TABLE notes (id text PRIMARY KEY, body text); INSERT INTO notes VALUES ('a', 'first'), ('it''s \\ here', 'quoted'), ('b', 'second')");
});
afterAll(() => db.close());

const SQL = 'SELECT id, body FROM notes WHERE id = $1';

describe('pgliteDatabase queryPrepared', () => {
  it('answers like query, for many first requests at once and for parameters holding quotes and backslashes', async () => {
    const ids = ['a', 'b', "it's \\ here", "x' OR '1'='1", 'missing'];
    const prepared = await Promise.all(ids.map((id) => db.queryPrepared('notes_by_id', SQL, [id])));
    const plain = await Promise.all(ids.map((id) => db.query(SQL, [id])));
    expect(prepared).toEqual(plain);
    expect(prepared.map((rows) => rows.length)).toEqual([1, 1, 1, 0, 0]);
    expect(prepared[2]).toEqual([{ id: "it's \\ here", body: 'quoted' }]);
  });

  it('gives columns the same types as query: numbers, timestamps, json, arrays and nulls', async () => {
    const sql = "SELECT id, length(body) AS n, timestamptz '2026-12-07 05:00:00+00' AS at, jsonb_build_object('body', body, 'list', jsonb_build_array(1, 'two')) AS doc, ARRAY[id, body] AS pair, NULL::text AS none FROM notes WHERE id = $1";
    const prepared = await db.queryPrepared('notes_typed', sql, ['b']);
    expect(prepared).toEqual(await db.query(sql, ['b']));
    expect(prepared[0]).toEqual({ id: 'b', n: 6, at: new Date('2026-12-07T05:00:00Z'), doc: { body: 'second', list: [1, 'two'] }, pair: ['b', 'second'], none: null });
  });

  it('refuses a parameter with a NUL character', async () => {
    await expect(db.queryPrepared('notes_by_id', SQL, ['a\0b'])).rejects.toThrow(/text without NUL/);
  });
});

describe('pgliteDatabase bossDb', () => {
  it("gives pg-boss's parameterized statements (prepared once) the rows query gives: text with quotes, numbers, booleans, nulls, dates, arrays and json", async () => {
    const sql = "SELECT $1::text AS t, $2::int + 1 AS n, $3::boolean AS b, $4::text AS none, $5::timestamptz AS at, cardinality($6::uuid[]) AS ids, $6::uuid[] AS list, $7::jsonb->'a' AS doc, $8::text[] AS words";
    const values = ["it's \\ here", 41, true, null, new Date('2026-12-07T05:00:00Z'), ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'], { a: [1, 'x'] }, ['a "quoted" word', 'back\\slash', 'comma, too', '']];
    const boss = db.bossDb();
    for (let i = 0; i < 2; i++) {
      const { rows } = await boss.executeSql(sql, values);
      expect(rows).toEqual(await db.query(sql, values));
      expect(rows[0]).toMatchObject({ t: "it's \\ here", n: 42, b: true, none: null, at: new Date('2026-12-07T05:00:00Z'), ids: 2, doc: [1, 'x'], words: ['a "quoted" word', 'back\\slash', 'comma, too', ''] });
    }
  });
});
