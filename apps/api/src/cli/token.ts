import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';

import { isValidProfileId, signDevelopmentToken, STAFF_ROLE } from '../auth/authenticator';
import { loadConfig } from '../config/config';

const HELP = `Prints a development bearer token for the Roundtable API (HS256, AUTH_JWT_SECRET).

Usage: npm run token -- --name "Ada Lovelace" [--sub ID] [--role trust_safety] [--expires 30d]

  --name     display name for the profile created on first use (required)
  --sub      profile id (default: a new random id)
  --role     add a role claim; "trust_safety" marks trust-and-safety staff (repeatable)
  --expires  lifetime, e.g. 1h, 7d (default 30d)
  --help     show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      sub: { type: 'string' },
      role: { type: 'string', multiple: true },
      expires: { type: 'string', default: '30d' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.name) throw new Error('--name is required (see --help)');
  const sub = values.sub ?? randomUUID();
  if (!isValidProfileId(sub)) throw new Error('--sub must be 1-128 characters of letters, digits and _.:@|-');
  const roles = values.role ?? [];
  const unknown = roles.filter((role) => role !== STAFF_ROLE);
  if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}; the only role is ${STAFF_ROLE}`);
  const config = loadConfig();
  if (!config.auth.jwtSecret) throw new Error('AUTH_JWT_SECRET is unset: tokens are verified with AUTH_JWKS_URL, so sign them with that identity provider');
  const token = await signDevelopmentToken(config.auth.jwtSecret, { sub, name: values.name, roles }, values.expires);
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
