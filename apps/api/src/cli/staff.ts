import 'reflect-metadata';

import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';

import { runCommand, UsageError } from '@roundtable/config';

import { isValidProfileId } from '../auth/authenticator';
import { loadConfig } from '../config/config';
import { grantStaffRole, isStaffRole, listStaffRoles, revokeStaffRole, STAFF_ROLES, type StaffRole, TRUST_SAFETY_ROLE } from '../staff/staff-roles';
import { withCliDatabase } from './cli-database';

const HELP = `Grants, withdraws and lists staff roles in the API's staff record (table staff_roles).
Staff rights come from this record only: a token's "roles" claim grants nothing. Every API
instance re-reads the record every STAFF_ROLES_REFRESH_MS (1 s), so a grant or a withdrawal takes
effect within about a second, also for sockets already open.

Usage: npm run staff -- grant  --profile ID [--role trust_safety] [--by NAME]
       npm run staff -- revoke --profile ID [--role trust_safety]
       npm run staff -- list   [--profile ID]

  --profile  profile id (the token's sub)
  --role     ${STAFF_ROLES.join(', ')} (default ${TRUST_SAFETY_ROLE})
  --by       who grants it, kept in granted_by (default: the operating-system user)
  --help     show this help

Reads DATABASE_URL (and the other API variables); when it is unset, the embedded PostgreSQL of a
running \`npm start\`. Exit status 0 on success, 2 on a bad argument, 1 on a database error.
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      profile: { type: 'string' },
      role: { type: 'string', default: TRUST_SAFETY_ROLE },
      by: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const [command, ...extra] = positionals;
  if (!command || !['grant', 'revoke', 'list'].includes(command) || extra.length > 0) throw new UsageError('give one command: grant, revoke or list (see --help)');
  const role = values.role;
  if (!isStaffRole(role)) throw new UsageError(`--role: unknown role "${role}"; the roles are ${STAFF_ROLES.join(', ')}`);
  const profileId = values.profile;
  if (profileId !== undefined && !isValidProfileId(profileId)) throw new UsageError('--profile must be 1-128 characters of letters, digits and _.:@|-');
  if (command !== 'list' && profileId === undefined) throw new UsageError(`${command} needs --profile ID (see --help)`);
  const config = loadConfig();
  await withCliDatabase(config, async (db) => {
    const em = db.orm.em.fork();
    if (command === 'list') {
      const grants = await listStaffRoles(em, profileId);
      for (const grant of grants) process.stdout.write(`${grant.profileId}\t${grant.role}\t${grant.grantedAt.toISOString()}\t${grant.grantedBy}\n`);
      if (grants.length === 0) process.stderr.write('no staff roles\n');
      return;
    }
    const id = profileId as string;
    if (command === 'grant') {
      const grantedBy = values.by ?? `cli:${userInfo().username}`;
      const granted = await grantStaffRole(em, { profileId: id, role: role as StaffRole, grantedBy });
      process.stdout.write(granted ? `granted ${role} to ${id}\n` : `${id} already holds ${role}\n`);
      return;
    }
    const revoked = await revokeStaffRole(em, id, role);
    process.stdout.write(revoked ? `withdrew ${role} from ${id}\n` : `${id} did not hold ${role}\n`);
  });
}

runCommand('staff', main, { detail: 'message' });
