/**
 * LISTEN on a Postgres server for one channel over a connection of its own (a pooled connection
 * cannot hold a LISTEN). When the connection is lost it is opened again with a growing delay, and the
 * caller is told to resynchronise, since notifications sent meanwhile are gone.
 */
import pg from 'pg';

export async function listenOnPostgres(connectionString: string, channel: string, onNotify: (payload: string) => void, onResync?: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 250;
  let timer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString, application_name: 'brandlock-listen' });
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    const lost = () => {
      if (client !== c || stopped) return;
      client = null;
      c.end().catch(() => undefined);
      timer = setTimeout(reconnect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
    c.on('error', lost);
    c.on('end', lost);
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = c;
    retryMs = 250;
  }

  async function reconnect(): Promise<void> {
    timer = null;
    if (stopped) return;
    try {
      await connect();
      onResync?.();
    } catch {
      timer = setTimeout(reconnect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    }
  }

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
