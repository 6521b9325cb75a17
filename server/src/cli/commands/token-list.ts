/** `brandlock token list`: every token with its role and state (never the secret). */
import { EXIT, type CliCommand } from '../command';
import { listTokens } from '../../store/tokens';
import { dataOption, withServerDatabase } from './token-shared';

export const tokenList: CliCommand = {
  path: ['token', 'list'],
  summary: 'List API tokens: id, name, role, created, last used, revoked',
  usage: '',
  options: { data: dataOption, json: { type: 'boolean', description: 'Print JSON' } },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const tokens = await withServerDatabase(io, values.data as string | undefined, (db) => listTokens(db));
    if (values.json) {
      io.out(`${JSON.stringify({ tokens }, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = [['id', 'name', 'role', 'created', 'last used', 'revoked'], ...tokens.map((t) => [t.id, t.name, t.role, t.createdAt.slice(0, 16), t.lastUsedAt?.slice(0, 16) ?? '-', t.revokedAt?.slice(0, 16) ?? '-'])];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    io.out(rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n');
    return EXIT.ok;
  },
};
