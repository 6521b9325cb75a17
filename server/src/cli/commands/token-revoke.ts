/** `brandlock token revoke <id>`: the token stops working at once. */
import { EXIT, InputError, type CliCommand } from '../command';
import { LastAdminTokenError, revokeTokenKeepingAnAdmin } from '../../store/tokens';
import { recordEvent } from '../../store/audit-events';
import { dataOption, withServerDatabase } from './token-shared';

export const tokenRevoke: CliCommand = {
  path: ['token', 'revoke'],
  summary: 'Revoke an API token by its id (see token list)',
  usage: '<id>',
  options: { data: dataOption },
  positionals: { min: 1, max: 1 },
  async run({ positionals, values }, io) {
    const id = positionals[0];
    const revoked = await withServerDatabase(io, values.data as string | undefined, async (db) => {
      let t;
      try {
        t = await revokeTokenKeepingAnAdmin(db, id);
      } catch (e) {
        if (e instanceof LastAdminTokenError) throw new InputError(`${e.message} ("brandlock token create --role admin --name <name>")`);
        throw e;
      }
      if (t) await recordEvent(db, { name: 'cli', tokenId: null }, 'token.revoke', t.id, { name: t.name, role: t.role });
      return t;
    });
    if (!revoked) throw new InputError(`no token with id "${id}"; "brandlock token list" shows them`);
    io.out(`Revoked ${revoked.role} token "${revoked.name}" (id ${revoked.id}).\n`);
    return EXIT.ok;
  },
};
