/** `brandlock token create --role R --name N`: makes an API token and prints it, once. */
import { EXIT, UsageError, type CliCommand } from '../command';
import { createToken } from '../../store/tokens';
import { recordEvent } from '../../store/audit-events';
import { dataOption, parseRole, withServerDatabase } from './token-shared';

export const tokenCreate: CliCommand = {
  path: ['token', 'create'],
  summary: 'Create an API token with a role; the token is printed once and stored only hashed',
  usage: '--role <role> --name <name>',
  description: 'Roles: admin, art-director, designer, retoucher, service. Give each person or system its own token so the audit trail says who did what.',
  options: {
    role: { type: 'string', value: '<role>', description: 'admin | art-director | designer | retoucher | service' },
    name: { type: 'string', value: '<name>', description: 'Who or what uses it, e.g. "Ines (art director)"' },
    data: dataOption,
    json: { type: 'boolean', description: 'Print {id, name, role, token} as JSON' },
  },
  positionals: { min: 0, max: 0 },
  async run({ values }, io) {
    const role = parseRole(values.role);
    const name = typeof values.name === 'string' ? values.name.trim() : '';
    if (!name || name.length > 100) throw new UsageError('--name is required (at most 100 characters)');
    const created = await withServerDatabase(io, values.data as string | undefined, async (db) => {
      const t = await createToken(db, { name, role });
      await recordEvent(db, { name: 'cli', tokenId: null }, 'token.create', t.id, { name, role });
      return t;
    });
    if (values.json) io.out(`${JSON.stringify({ id: created.id, name: created.name, role: created.role, token: created.token })}\n`);
    else io.out(`Created ${role} token "${name}" (id ${created.id}). It is shown only now; store it:\n  ${created.token}\n`);
    return EXIT.ok;
  },
};
