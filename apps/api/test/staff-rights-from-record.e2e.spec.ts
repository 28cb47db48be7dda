// Issue 14, section 6: a trust_safety token with `exp` ten years out was accepted, and a role
// could not be withdrawn before the token expired (the same sub re-issued without the role kept
// staff rights with its old token, over HTTP and on an open socket). Staff rights now come from
// the server's staff_roles record only, re-read by every instance every STAFF_ROLES_REFRESH_MS
// (at most 1 s), and tokens have a longest accepted lifetime, shorter for staff rights.
import { WsCloseCode } from '../src/admission/ws-close-code';
import { signDevelopmentToken } from '../src/auth/authenticator';
import { DEV_JWT_SECRET } from '../src/config/config';
import { VIEWER_ACCESS_TOPIC } from '../src/events/room-event-stream';
import { join } from 'node:path';

import { REPO_ROOT, requireBuilt, spawnNode } from './support/api-process';
import { codeOf, wsExecute } from './support/graphql-helpers';
import { pollUntil } from './support/poll';
import { grantStaff, revokeStaff, staffTokenFor } from './support/staff';
import { tokenFor, useTestApi } from './support/test-api';
import { workerDatabaseUrl } from './support/test-database';
import { OPS } from './support/trust-and-safety-operations';

const QUEUE = `{ moderationQueue(first: 5) { totalCount } }`;

describe('kind: a token outlives the right it carried', () => {
  const api = useTestApi();
  const staffDirectory = () => api.api.server.services.staff;

  beforeEach(async () => {
    await api.clear();
  });

  /**
   * Waits for the API's own refreshes (no forced re-read) until `read` settles, and returns how
   * many refreshes that took: a withdrawal must show by the second refresh after its commit
   * (the first may have read just before it), so within 2 × STAFF_ROLES_REFRESH_MS ≤ 2 s.
   */
  async function refreshesUntil(read: () => Promise<string | undefined>, expected: string): Promise<number> {
    const before = staffDirectory().refreshes;
    const seen = await pollUntil(read, (code) => code === expected);
    expect(seen).toBe(expected);
    return staffDirectory().refreshes - before;
  }

  it('the reported case: a role withdrawn in the record ends the old token\'s staff rights over HTTP and on an open socket', async () => {
    const token = await staffTokenFor(api, 'tok-staff');
    const socket = api.wsClient(token);
    expect((await api.request(QUEUE, {}, token)).errors).toBeUndefined();
    expect((await wsExecute(socket, QUEUE)).errors).toBeUndefined();
    expect((await api.request<{ viewerIsStaff: boolean }>(`{ viewerIsStaff }`, {}, token)).data?.viewerIsStaff).toBe(true);

    // Room streams on open sockets re-check access when a profile's roles change (the same
    // viewer-access message a left group or a block sends).
    const accessChecks: unknown[] = [];
    const unsubscribe = await api.api.bus.subscribe(VIEWER_ACCESS_TOPIC, (payload) => accessChecks.push(payload));

    // Withdrawn as the CLI does it: the API learns it from its own refresh, not from this test.
    await revokeStaff(api, 'tok-staff', { refresh: false });
    // The same sub re-issued without the role (what an operator did before this fix).
    await tokenFor('tok-staff');

    expect(await refreshesUntil(async () => codeOf(await api.request(QUEUE, {}, token)), 'FORBIDDEN')).toBeLessThanOrEqual(2);
    // The socket opened while staff is still open, and its viewer has lost the role.
    const overSocket = await wsExecute(socket, QUEUE);
    expect(overSocket.closeCode).toBeUndefined();
    expect(codeOf(overSocket)).toBe('FORBIDDEN');
    expect(await pollUntil(() => accessChecks, (checks) => checks.length > 0)).toEqual([{ profileId: 'tok-staff' }]);
    await unsubscribe();
    // What the web client shows the staff pages by: the record's answer, over both transports.
    expect((await api.request<{ viewerIsStaff: boolean }>(`{ viewerIsStaff }`, {}, token)).data?.viewerIsStaff).toBe(false);
    expect((await wsExecute<{ viewerIsStaff: boolean }>(socket, `{ viewerIsStaff }`)).data?.viewerIsStaff).toBe(false);
  });

  it('a role claim without a record grants nothing (over HTTP and over a socket)', async () => {
    const claimOnly = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'claim-only', name: 'Claim Only', roles: ['trust_safety'] }, '1h');
    expect(codeOf(await api.request(QUEUE, {}, claimOnly))).toBe('FORBIDDEN');
    expect(codeOf(await wsExecute(api.wsClient(claimOnly), QUEUE))).toBe('FORBIDDEN');
    expect((await api.request<{ viewerIsStaff: boolean }>(`{ viewerIsStaff }`, {}, claimOnly)).data?.viewerIsStaff).toBe(false);
    // The account itself works: the token is valid, it just carries no rights.
    expect((await api.request(OPS.viewer, {}, claimOnly)).errors).toBeUndefined();
  });

  it('a token whose exp is ten years out is refused, over HTTP and on a socket (the reported token)', async () => {
    await grantStaff(api, 'decade-staff');
    const decade = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'decade-staff', name: 'Decade', roles: ['trust_safety'] }, '3650d');
    const overHttp = await api.request(QUEUE, {}, decade);
    expect(codeOf(overHttp)).toBe('UNAUTHENTICATED');
    expect(overHttp.errors?.[0]?.message).toMatch(/longer than the 2592000 s this server accepts/);
    expect((await wsExecute(api.wsClient(decade), QUEUE)).closeCode).toBe(WsCloseCode.Unauthorized);
  });

  it('variant: a staff token re-issued after the withdrawal still grants nothing', async () => {
    await staffTokenFor(api, 'reissued');
    await revokeStaff(api, 'reissued');
    const reissued = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'reissued', name: 'Reissued', roles: ['trust_safety'] }, '1h');
    expect(codeOf(await api.request(QUEUE, {}, reissued))).toBe('FORBIDDEN');
    // Granted again, the same token works again: the record decides, both ways.
    await grantStaff(api, 'reissued');
    expect((await api.request(QUEUE, {}, reissued)).errors).toBeUndefined();
  });

  it('variant: a staff member signed in with a 30-day token acts as a member, not as staff (AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS)', async () => {
    await grantStaff(api, 'long-staff');
    const thirtyDays = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'long-staff', name: 'Long', roles: ['trust_safety'] }, '30d');
    expect(codeOf(await api.request(QUEUE, {}, thirtyDays))).toBe('FORBIDDEN');
    expect((await api.request(OPS.viewer, {}, thirtyDays)).errors).toBeUndefined();
    const twelveHours = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'long-staff', name: 'Long', roles: ['trust_safety'] }, '12h');
    expect((await api.request(QUEUE, {}, twelveHours)).errors).toBeUndefined();
  });

  it('the staff CLI grants and withdraws in the record a running API reads (npm run staff, from dist/)', async () => {
    const cli = join(REPO_ROOT, 'dist', 'apps', 'api', 'cli', 'staff.js');
    requireBuilt(cli);
    const env = { NODE_ENV: 'test', DATABASE_URL: await workerDatabaseUrl(), LOG_LEVEL: 'silent' };
    const run = async (...args: string[]) => {
      const child = spawnNode(cli, args, env);
      return { exit: await child.exited, output: child.output() };
    };
    const token = await signDevelopmentToken(DEV_JWT_SECRET, { sub: 'cli-staff', name: 'Cli Staff' }, '1h');
    expect(await run('grant', '--profile', 'cli-staff', '--by', 'test-operator')).toEqual({ exit: 0, output: 'granted trust_safety to cli-staff\n' });
    await refreshesUntil(async () => codeOf(await api.request(QUEUE, {}, token)) ?? 'OK', 'OK');
    const listed = await run('list');
    expect(listed.output).toMatch(/^cli-staff\ttrust_safety\t\d{4}-\d\d-\d\dT[\d:.]+Z\ttest-operator\n$/);
    expect(await run('revoke', '--profile', 'cli-staff')).toEqual({ exit: 0, output: 'withdrew trust_safety from cli-staff\n' });
    expect(await refreshesUntil(async () => codeOf(await api.request(QUEUE, {}, token)), 'FORBIDDEN')).toBeLessThanOrEqual(2);
    // Bad input: a clear message, exit 2 (a usage mistake), nothing changed.
    const unknownRole = await run('grant', '--profile', 'cli-staff', '--role', 'admin');
    expect(unknownRole).toEqual({ exit: 2, output: 'staff: --role: unknown role "admin"; the roles are trust_safety\n' });
    expect((await run('list', '--profile', 'cli-staff')).output).toBe('no staff roles\n');
  });
});
