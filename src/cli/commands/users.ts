import crypto from 'node:crypto';
import * as accounts from '../../platform/auth/accounts.service.ts';
import { ROLES, type Role } from '../../platform/auth/roles.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { parse } from '../cli-context.ts';
import { UsageError, cliActor, withRuntime } from '../cli-context.ts';

function roles(list: string | undefined): Role[] {
  if (!list) throw new UsageError(`give roles as a comma-separated list of ${ROLES.join(', ')}`);
  const out = list.split(',').map((r) => r.trim()).filter(Boolean);
  const bad = out.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new UsageError(`unknown role(s) ${bad.join(', ')}: roles are ${ROLES.join(', ')}`);
  return out as Role[];
}

export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  switch (sub) {
    case 'add': {
      const { values, positionals } = parse(
        rest,
        { name: { type: 'string' }, roles: { type: 'string' }, state: { type: 'string' }, email: { type: 'string' }, language: { type: 'string' } },
        1,
      );
      const generated = !process.env.PALERMO_PASSWORD;
      const password = process.env.PALERMO_PASSWORD ?? crypto.randomBytes(15).toString('base64url');
      const user = await withRuntime('users add', (rt) =>
        accounts.createUser(
          rt.db,
          {
            username: positionals[0]!,
            displayName: values.name ?? positionals[0]!,
            email: values.email ?? null,
            password,
            state: values.state ?? null,
            roles: roles(values.roles),
            language: values.language,
          },
          cliActor(),
          (iso3) => stateExists(rt.db, iso3),
        ),
      );
      out(`Created ${user.username} (${user.roles.join(', ')}${user.state_iso3 ? `, ${user.state_iso3}` : ''}).`);
      if (generated) out(`Password: ${password}\n(shown once; set PALERMO_PASSWORD to choose one)`);
      return 0;
    }
    case 'list': {
      const { values } = parse(rest, { state: { type: 'string' }, role: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } });
      const role = values.role ? roles(values.role)[0] : undefined;
      const users = await withRuntime('users list', (rt) =>
        accounts.listUsers(rt.db, { state: values.state?.toUpperCase(), role, includeDisabled: values.all }),
      );
      if (values.json) {
        out(JSON.stringify(users, null, 2));
      } else {
        for (const u of users) {
          out(`${u.username.padEnd(24)} ${(u.state_iso3 ?? '—').padEnd(4)} ${u.roles.join(',').padEnd(32)} ${u.disabled_at ? 'DISABLED' : ''}${u.demo ? ' [demo]' : ''}`);
        }
        out(`${users.length} account(s)`);
      }
      return 0;
    }
    case 'disable':
    case 'enable': {
      const { positionals } = parse(rest, {}, 1);
      const u = await withRuntime(`users ${sub}`, (rt) => accounts.setDisabled(rt.db, positionals[0]!, sub === 'disable', cliActor()));
      out(`${u.username} is ${sub}d${sub === 'disable' ? ' and logged out everywhere' : ''}.`);
      return 0;
    }
    case 'set-roles': {
      const { positionals } = parse(rest, {}, 2);
      const u = await withRuntime('users set-roles', (rt) => accounts.setRoles(rt.db, positionals[0]!, roles(positionals[1]), cliActor()));
      out(`${u.username}: ${u.roles.join(', ') || '(no roles)'}`);
      return 0;
    }
    default:
      throw new UsageError('usage: palermo users add|list|disable|enable|set-roles …');
  }
}
