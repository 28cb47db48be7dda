import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { runCommand, UsageError } from '@roundtable/config';

import { isValidProfileId, lifetimeSeconds, signDevelopmentToken } from '../auth/authenticator';
import { loadConfig } from '../config/config';
import { grantStaffRole, isStaffRole, STAFF_ROLES } from '../staff/staff-roles';
import { withCliDatabase } from './cli-database';

const HELP = `Prints a development bearer token for the Roundtable API (HS256, AUTH_JWT_SECRET).

Usage: npm run token -- --name "Ada Lovelace" [--sub ID] [--role trust_safety] [--expires 30d]

  --name     display name for the profile created on first use (required)
  --sub      profile id (default: a new random id); the API refuses a token whose sub is the id
             of anything else (a room, group, report, ...: ids are unambiguous across types)
  --role     trust_safety: development only; grants the role in the staff record (table
             staff_roles, as \`npm run staff -- grant\` does) and adds the claim. The claim alone
             grants nothing. Needs the database: DATABASE_URL, or a running \`npm start\`'s
             embedded PostgreSQL (started for the command when neither is there)
  --expires  lifetime, e.g. 1h, 7d (default 30d; with --role, AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS,
             12h by default: a longer token carries no staff rights)
  --help     show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      expires: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.name) throw new UsageError('--name is required (see --help)');
  const sub = values.sub ?? randomUUID();
  if (!isValidProfileId(sub)) throw new UsageError('--sub must be 1-128 characters of letters, digits and _.:@|-, and not of the shape appeal:<UUID>');
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => !isStaffRole(role));
  if (unknown.length > 0) throw new UsageError(`unknown role(s): ${unknown.join(', ')}; the roles are ${STAFF_ROLES.join(', ')}`);
  const config = loadConfig();
  if (!config.auth.jwtSecret) throw new Error('AUTH_JWT_SECRET is unset: tokens are verified with AUTH_JWKS_URL, so sign them with that identity provider');
  if (roles.length > 0 && config.production) throw new Error('--role is for development: grant staff roles with `npm run staff -- grant --profile ID`');
  const expires = values.expires ?? (roles.length > 0 ? `${config.auth.maxStaffTokenLifetimeSeconds}s` : '30d');
  try {
    lifetimeSeconds(expires); // a RangeError naming the accepted forms, before anything is written
  } catch (error) {
    throw new UsageError(`--expires: ${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  const token = await signDevelopmentToken(config.auth.jwtSecret, { sub, name: values.name, roles }, expires);
  if (roles.length > 0) {
    await withCliDatabase(config, async (db) => {
      for (const role of roles.filter(isStaffRole)) await grantStaffRole(db.orm.em.fork(), { profileId: sub, role, grantedBy: 'npm run token' });
    });
    process.stderr.write(`granted ${roles.join(', ')} to ${sub} in the staff record\n`);
  }
  process.stdout.write(`${token}\n`);
}

runCommand('token', main, { detail: 'message' });
