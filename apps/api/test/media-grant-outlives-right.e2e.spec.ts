// Issue 15, bug 5 — kind: a media grant outlives the right it was issued for. A demoted, removed,
// blocked or departed participant must not keep (or regain, with an older token) what LiveKit lets
// them do; the revocation lives in the database (`media_revocations`), is read by the sync worker
// when it runs (never from the job), and every `participant_joined` is checked against it.
// LiveKit is the double (its Twirp API and its signed webhooks over real HTTP); PostgreSQL and
// pg-boss are real. Assertions count calls, jobs and rows, never time.
import { permissionsForRole, revocationCutoff } from '@roundtable/audio';

import type { AuthenticatedViewer } from '../src/auth/authenticator';
import { okOn, sql } from './support/graphql-helpers';
import { createGroup, GROUP_OPS } from './support/group-operations';
import { untilLockWaiters, useLockClients } from './support/lock-waiters';
import { pollUntil } from './support/poll';
import { staffTokenFor } from './support/staff';
import { type GraphQLResponse, tokenFor, useTestApi } from './support/test-api';
import { OPS } from './support/trust-and-safety-operations';

type Json = Record<string, unknown>;

const JOIN = `mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`;
const INVITE = `mutation($id: ID!, $p: ID!) { inviteToStage(roomId: $id, profileId: $p) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptStageInvite(roomId: $id) { role } }`;
const REFRESH = `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token canPublish } }`;
const MOVE_BACK = `mutation($id: ID!, $p: ID!) { moveToAudience(roomId: $id, profileId: $p) { role } }`;
const MUTE = `mutation($id: ID!, $p: ID!) { muteParticipant(roomId: $id, profileId: $p) { muted } }`;
const REMOVE = `mutation($id: ID!, $p: ID!) { removeParticipant(roomId: $id, profileId: $p) { id } }`;
const LEAVE = `mutation($id: ID!) { leaveRoom(roomId: $id) { id } }`;
const BLOCK = `mutation($p: ID!) { block(profileId: $p) { id } }`;

describe('kind: a media grant outlives the right it was issued for (issue 15, bug 5)', () => {
  const api = useTestApi({ REPORT_RATE_LIMIT: '1000' });
  const ok = okOn(api);
  let host: string;
  let ada: string;
  let cleo: string;

  beforeEach(async () => {
    await api.clear();
    [host, ada, cleo] = await Promise.all([
      tokenFor('grant-host', { name: 'Hedy Host' }),
      tokenFor('grant-ada', { name: 'Ada' }),
      tokenFor('grant-cleo', { name: 'Cleo' }),
    ]);
    // LiveKit posts its webhooks to the API, signed, as configured in livekit.yaml.
    api.livekit.sendWebhooksTo(api.url.replace('/graphql', '/livekit/webhook'));
  });
  afterEach(() => {
    api.livekit.releaseRequests();
    api.livekit.sendWebhooksTo(null);
  });

  async function waitFor(what: string, predicate: () => boolean | Promise<boolean>): Promise<void> {
    if (await pollUntil(predicate, (holds) => holds, { attempts: 300, intervalMs: 50 })) return;
    throw new Error(`timed out waiting for ${what}; calls: ${JSON.stringify(api.livekit.calls.map((c) => [c.method, c.status]))}`);
  }

  /** Every webhook sent has been answered and every media job it or a command queued has run. */
  async function settled(): Promise<void> {
    await api.livekit.webhooksSettled();
    await waitFor('the media outbox to drain', async () => (await api.api.outbox.pendingCount()) === 0);
  }

  const succeeded = (method: 'UpdateParticipant' | 'RemoveParticipant' | 'MutePublishedTrack', identity: string) =>
    api.livekit.succeededCalls(method).filter((request) => request['identity'] === identity);

  async function revokedAt(roomId: string, profileId: string): Promise<Date> {
    const rows = await sql<{ revoked_at: Date }>(api, `select revoked_at from media_revocations where room_id = ? and profile_id = ?`, [roomId, profileId]);
    expect(rows).toHaveLength(1);
    return new Date(rows[0]!.revoked_at);
  }

  /** Media sync jobs ever stored for one participant (any state). */
  async function jobsFor(roomId: string, profileId: string): Promise<number> {
    const rows = await sql<{ n: number }>(api, `select count(*)::int as n from pgboss.job where name = 'media-sync' and singleton_key = ?`, [`${roomId}:${profileId}`]);
    return rows[0]!.n;
  }

  /**
   * A live room with `speakers` on stage, each connected to LiveKit with the stage token the API
   * gave them and their microphone on. Returns the room and each speaker's stage token.
   */
  async function liveStage(speakers: readonly [string, string][], groupId?: string): Promise<{ roomId: string; stageTokens: Map<string, string> }> {
    const { createRoom } = groupId
      ? await ok<{ createRoom: { id: string } }>(GROUP_OPS.createGroupRoom, { g: groupId, title: 'Grants' }, host)
      : await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Grants" }) { id } }`, {}, host);
    const roomId = createRoom.id;
    const stageTokens = new Map<string, string>();
    for (const [profileId, token] of speakers) {
      await ok(JOIN, { id: roomId }, token);
      await ok(INVITE, { id: roomId, p: profileId }, host);
      await ok(ACCEPT, { id: roomId }, token);
      const { refreshAudioAccess } = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(REFRESH, { id: roomId }, token);
      expect(refreshAudioAccess.canPublish).toBe(true);
      stageTokens.set(profileId, refreshAudioAccess.token);
      await api.livekit.connectWithToken(refreshAudioAccess.token, { microphone: 'unmuted' });
    }
    await settled();
    api.livekit.clearCalls();
    return { roomId, stageTokens };
  }

  describe('old tokens after a lost right', () => {
    it('given case: a demoted speaker reconnects with the stage token: removed once with it revoked, cannot come back with it, and a fresh listener token works', async () => {
      const { roomId, stageTokens } = await liveStage([['grant-ada', ada]]);
      const stageToken = stageTokens.get('grant-ada')!;

      await ok(MOVE_BACK, { id: roomId, p: 'grant-ada' }, host);
      await settled();
      // The live connection is downgraded in place: no publishing, the microphone unpublished.
      expect(succeeded('UpdateParticipant', 'grant-ada')).toHaveLength(1);
      expect(api.livekit.mediaParticipant(roomId, 'grant-ada')).toMatchObject({ permissions: { canPublish: false }, tracks: [] });

      // The client drops and reconnects with the token it still holds (LiveKit lets a token be reused).
      api.livekit.disconnect(roomId, 'grant-ada');
      await api.livekit.connectWithToken(stageToken, { microphone: 'unmuted' });
      await settled();

      const removals = succeeded('RemoveParticipant', 'grant-ada');
      expect(removals).toEqual([expect.objectContaining({ room: roomId, identity: 'grant-ada', revokeTokenTs: String(revocationCutoff(await revokedAt(roomId, 'grant-ada'))) })]);
      expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
      // Not again, for the rest of the token's life.
      await expect(api.livekit.connectWithToken(stageToken, { microphone: 'unmuted' })).rejects.toThrow('token revoked');

      // The token the API issues now (possibly within the second of the demotion) is accepted and left alone.
      const fresh = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(REFRESH, { id: roomId }, ada);
      expect(fresh.refreshAudioAccess.canPublish).toBe(false);
      await api.livekit.connectWithToken(fresh.refreshAudioAccess.token);
      await settled();
      expect(api.livekit.identities(roomId)).toContain('grant-ada');
      expect(succeeded('RemoveParticipant', 'grant-ada')).toHaveLength(1);
      expect(() => api.livekit.publishTrack(roomId, 'grant-ada', { source: 'microphone' })).toThrow('may not publish');
    });

    /** Cleo, a listener, reports Ada; a staff member suspends her. */
    async function suspendAda(roomId: string): Promise<void> {
      await ok(JOIN, { id: roomId }, cleo);
      const staff = await staffTokenFor(api, 'grant-staff');
      const filed = await ok<{ reportAbuse: { id: string } }>(OPS.reportAbuse, { input: { roomId, profileId: 'grant-ada', category: 'VIOLENCE' } }, cleo);
      await ok(OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'SUSPEND', note: 'Threatened a listener' } }, staff);
    }

    it.each([
      ['leaves the room', false, async (roomId: string) => ok(LEAVE, { id: roomId }, ada)],
      ['is blocked by the host', false, async () => ok(BLOCK, { p: 'grant-ada' }, host)],
      ['is suspended', false, suspendAda],
      ['leaves the group of a GROUP room', true, async (_roomId: string, groupId?: string) => ok(GROUP_OPS.leaveGroup, { g: groupId }, ada)],
    ])('variant: a speaker who %s is removed with the tokens issued so far revoked, and cannot reconnect with the stage token', async (_what, inGroupRoom, loseRight) => {
      let groupId: string | undefined;
      if (inGroupRoom) {
        groupId = await createGroup(api, host, 'Grant holders', 'OPEN');
        await ok(GROUP_OPS.joinGroup, { g: groupId }, ada);
      }
      const { roomId, stageTokens } = await liveStage([['grant-ada', ada]], groupId);

      await loseRight(roomId, groupId);
      await settled();

      expect(await sql(api, `select 1 from participants where room_id = ? and profile_id = 'grant-ada' and left_at is null`, [roomId])).toEqual([]);
      const removals = succeeded('RemoveParticipant', 'grant-ada');
      expect(removals).toEqual([expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(revocationCutoff(await revokedAt(roomId, 'grant-ada'))) })]);
      expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
      await expect(api.livekit.connectWithToken(stageTokens.get('grant-ada')!, { microphone: 'unmuted' })).rejects.toThrow('token revoked');
    });
  });

  it('reconciliation removes someone who left yet is connected (a webhook missed), revoking the tokens issued up to their departure', async () => {
    const { roomId } = await liveStage([['grant-ada', ada]]);
    await ok(LEAVE, { id: roomId }, ada);
    await settled();
    api.livekit.sendWebhooksTo(null);
    api.livekit.connect({ roomId, profileId: 'grant-ada', permissions: permissionsForRole('stage'), microphone: 'unmuted' });
    api.livekit.clearCalls();

    await api.api.server.services.mediaSync.reconcile();

    expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([
      expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(revocationCutoff(await revokedAt(roomId, 'grant-ada'))) }),
    ]);
    expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
  });

  describe('a later job never loses an earlier revocation', () => {
    /**
     * The one sync worker is kept busy with Cleo's job (its LiveKit call held), so Ada's first job
     * stays queued and `stately` drops the second one sent for her: what used to lose the removal.
     */
    async function withWorkerBusy(roomId: string, burst: () => Promise<void>): Promise<void> {
      api.livekit.holdRequests();
      await ok(MUTE, { id: roomId, p: 'grant-cleo' }, host);
      await waitFor("the worker to be inside Cleo's job", () => api.livekit.heldRequests >= 1);
      await burst();
      api.livekit.releaseRequests();
      await settled();
    }

    it('given case: a removal right after a mute of the same speaker still revokes her tokens', async () => {
      const { roomId, stageTokens } = await liveStage([
        ['grant-ada', ada],
        ['grant-cleo', cleo],
      ]);

      await withWorkerBusy(roomId, async () => {
        const before = await jobsFor(roomId, 'grant-ada');
        await ok(MUTE, { id: roomId, p: 'grant-ada' }, host);
        await ok(REMOVE, { id: roomId, p: 'grant-ada' }, host);
        // One job stored for Ada: the removal's was dropped as a duplicate of the queued mute's.
        expect(await jobsFor(roomId, 'grant-ada')).toBe(before + 1);
      });

      expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([
        expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(revocationCutoff(await revokedAt(roomId, 'grant-ada'))) }),
      ]);
      expect(succeeded('MutePublishedTrack', 'grant-ada')).toEqual([]);
      await expect(api.livekit.connectWithToken(stageTokens.get('grant-ada')!)).rejects.toThrow('token revoked');
    });

    it('variant: demote then remove in a burst: one job, one removal with the revocation, no downgrade sent for a connection that is going', async () => {
      const { roomId, stageTokens } = await liveStage([
        ['grant-ada', ada],
        ['grant-cleo', cleo],
      ]);

      await withWorkerBusy(roomId, async () => {
        const before = await jobsFor(roomId, 'grant-ada');
        await ok(MOVE_BACK, { id: roomId, p: 'grant-ada' }, host);
        await ok(REMOVE, { id: roomId, p: 'grant-ada' }, host);
        expect(await jobsFor(roomId, 'grant-ada')).toBe(before + 1);
      });

      expect(succeeded('UpdateParticipant', 'grant-ada')).toEqual([]);
      expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([
        expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(revocationCutoff(await revokedAt(roomId, 'grant-ada'))) }),
      ]);
      await expect(api.livekit.connectWithToken(stageTokens.get('grant-ada')!)).rejects.toThrow('token revoked');
    });
  });

  describe('participant_joined (and track_published) for a known participant queues a sync when it holds more than its rights', () => {
    it('given case: a listener who connects with publishing rights (behind Roundtable’s back) is downgraded; a matching join queues nothing', async () => {
      const { createRoom } = await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Joins" }) { id } }`, {}, host);
      const roomId = createRoom.id;
      const joined = await ok<{ joinRoom: { audio: { token: string } } }>(`mutation($id: ID!) { joinRoom(roomId: $id) { audio { token } } }`, { id: roomId }, ada);
      await api.livekit.connectWithToken(joined.joinRoom.audio.token);
      await settled();
      // A join that matches the participant's rights costs no job and no call.
      expect(api.livekit.calls).toEqual([]);
      expect(await jobsFor(roomId, 'grant-ada')).toBe(0);

      api.livekit.connect({
        roomId,
        profileId: 'grant-ada',
        permissions: permissionsForRole('stage'),
        microphone: 'unmuted',
      });
      await settled();

      expect(await jobsFor(roomId, 'grant-ada')).toBe(1);
      const [update] = succeeded('UpdateParticipant', 'grant-ada');
      expect((update?.['permission'] as Json | undefined)?.['canPublish']).toBeFalsy();
      expect(api.livekit.mediaParticipant(roomId, 'grant-ada')?.tracks).toEqual([]);
    });

    it('variant: a muted speaker who reconnects and publishes the microphone unmuted is muted again on the server (track_published)', async () => {
      const { roomId, stageTokens } = await liveStage([['grant-ada', ada]]);
      await ok(MUTE, { id: roomId, p: 'grant-ada' }, host);
      await settled();
      expect(succeeded('MutePublishedTrack', 'grant-ada')).toHaveLength(1);

      api.livekit.disconnect(roomId, 'grant-ada');
      await api.livekit.connectWithToken(stageTokens.get('grant-ada')!, { microphone: 'unmuted' });
      await settled();

      expect(succeeded('MutePublishedTrack', 'grant-ada')).toHaveLength(2);
      expect(api.livekit.mediaParticipant(roomId, 'grant-ada')?.tracks).toEqual([expect.objectContaining({ source: 'microphone', muted: true })]);
    });
  });
  describe('a join\u2019s media token decided on the relation its audience batch read (issue 14 \u00a73)', () => {
    const JOIN_AUDIO = `mutation($id: ID!) { joinRoom(roomId: $id) { audio { token canPublish } } }`;
    const BAN = `mutation($id: ID!, $p: ID!) { removeParticipant(roomId: $id, profileId: $p, ban: true) { id } }`;
    const viewerOf = (profileId: string): AuthenticatedViewer => ({ profileId, name: null, isStaff: false });
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { nbf: number; sub: string };

    async function createRoomOf(token: string, groupId?: string): Promise<string> {
      const { createRoom } = groupId
        ? await ok<{ createRoom: { id: string } }>(GROUP_OPS.createGroupRoom, { g: groupId, title: 'Joins' }, token)
        : await ok<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Joins" }) { id } }`, {}, token);
      return createRoom.id;
    }

    it('given case: a ban commits right after a join, before the token is signed from the join\u2019s relation: the token starts at that read\u2019s second, and the connection made with it is removed with it revoked', async () => {
      const roomId = await createRoomOf(host);
      await ok(`{ viewer { id } }`, {}, ada);
      const { roomCommands, media } = api.api.server.services;
      const em = api.api.db.orm.em.fork();
      // The join as joinRoom runs it (an audience batch of one); its grant waits until the ban committed.
      const outcome = await roomCommands.handleCommand(em, viewerOf('grant-ada'), roomId, { type: 'JoinRoom', actorId: 'grant-ada' });
      const committed = outcome.actorRelation;
      expect(committed?.relation).toMatchObject({ role: 'LISTENER', isBanned: false });
      await ok(BAN, { id: roomId, p: 'grant-ada' }, host);
      await settled();
      // Not connected when the ban's job ran: nothing to remove yet.
      expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([]);

      const audio = await media.issueAudioAccess(em, viewerOf('grant-ada'), outcome.participants.get('grant-ada')!, committed);
      const { nbf } = claimsOf(audio.token);
      expect(nbf).toBe(Math.floor(committed!.readAt.getTime() / 1000));
      const cutoff = revocationCutoff(await revokedAt(roomId, 'grant-ada'));
      expect(nbf).toBeLessThan(cutoff);

      await api.livekit.connectWithToken(audio.token);
      await settled();
      // participant_joined was checked against the ban: removed, with the tokens up to the ban revoked.
      expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(cutoff) })]);
      expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
      await expect(api.livekit.connectWithToken(audio.token)).rejects.toThrow('token revoked');
    });

    it('variant: a ban right after joinRoom: the connection the answered token made is removed with it revoked', async () => {
      const roomId = await createRoomOf(host);
      const joined = await ok<{ joinRoom: { audio: { token: string; canPublish: boolean } } }>(JOIN_AUDIO, { id: roomId }, ada);
      expect(joined.joinRoom.audio.canPublish).toBe(false);
      await api.livekit.connectWithToken(joined.joinRoom.audio.token);
      await settled();
      api.livekit.clearCalls();

      await ok(BAN, { id: roomId, p: 'grant-ada' }, host);
      await settled();

      const cutoff = revocationCutoff(await revokedAt(roomId, 'grant-ada'));
      expect(claimsOf(joined.joinRoom.audio.token).nbf).toBeLessThan(cutoff);
      expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(cutoff) })]);
      expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
      await expect(api.livekit.connectWithToken(joined.joinRoom.audio.token)).rejects.toThrow('token revoked');
    });

    describe('a right lost outside the room\u2019s locks while the batch decides the join (rights-loss-lock.ts)', () => {
      const locks = useLockClients();
      const untilWaiting = (n: number, done?: () => boolean): Promise<void> => untilLockWaiters(locks.observer, n, done);

      /** Prepares a loss of Ada's rights in the room and returns the request that makes it. */
      type PrepareLoss = (roomId: string, groupId?: string) => Promise<() => Promise<GraphQLResponse>>;
      const block: PrepareLoss = async () => () => api.request(BLOCK, { p: 'grant-ada' }, host);
      const leaveGroup: PrepareLoss = async (_roomId, groupId) => () => api.request(GROUP_OPS.leaveGroup, { g: groupId }, ada);
      /**
       * Cleo reports Ada in another room, Cleo's own, where Ada listens (so no earlier revocation of
       * hers in the room under test); a staff member will suspend her account.
       */
      const suspend: PrepareLoss = async () => {
        const elsewhere = await createRoomOf(cleo);
        await ok(JOIN, { id: elsewhere }, ada);
        const staff = await staffTokenFor(api, 'grant-staff');
        const filed = await ok<{ reportAbuse: { id: string } }>(OPS.reportAbuse, { input: { roomId: elsewhere, profileId: 'grant-ada', category: 'VIOLENCE' } }, cleo);
        return () => api.request(OPS.resolveReport, { input: { reportId: filed.reportAbuse.id, action: 'SUSPEND', note: 'Threatened a listener' } }, staff);
      };

      it.each([
        ['the host blocks them', false, block],
        ['they leave the group of the GROUP room', true, leaveGroup],
        ['staff suspend their account', false, suspend],
      ])(
        'given case: %s after the batch read their relation and before it committed: the loss waits for the commit, then ends the participation, and the connection made with the join\u2019s token is removed with it revoked',
        async (_what, inGroupRoom, prepareLoss) => {
          let groupId: string | undefined;
          if (inGroupRoom) {
            groupId = await createGroup(api, host, 'Joiners', 'OPEN');
            await ok(GROUP_OPS.joinGroup, { g: groupId }, ada);
          }
          const roomId = await createRoomOf(host, groupId);
          await ok(`{ viewer { id } }`, {}, ada);
          const loseRight = await prepareLoss(roomId, groupId);
          api.livekit.clearCalls();

          // The room row held FOR UPDATE from outside: the batch reads its relation, then waits at
          // its first row referencing the room (its foreign key's FOR KEY SHARE), uncommitted.
          await locks.holder.query('begin');
          await locks.holder.query('select id from rooms where id = $1 for update', [roomId]);
          let joined: GraphQLResponse<{ joinRoom: { audio: { token: string } } }> | undefined;
          let lost: GraphQLResponse | undefined;
          let lossAnswered = false;
          let join: Promise<unknown> = Promise.resolve();
          let loss: Promise<unknown> = Promise.resolve();
          try {
            join = api.request<{ joinRoom: { audio: { token: string } } }>(JOIN_AUDIO, { id: roomId }, ada).then((answer) => (joined = answer));
            await untilWaiting(1);
            loss = loseRight().then((answer) => {
              lossAnswered = true;
              lost = answer;
            });
            // The loss waits for the batch's handshake lock (it must not commit past the join).
            await untilWaiting(2, () => lossAnswered);
            expect(lossAnswered).toBe(false);
          } finally {
            await locks.holder.query('commit');
          }
          await Promise.all([join, loss]);
          expect(lost?.errors).toBeUndefined();
          // The batch read the relation before the loss: the join committed, with a token.
          expect(joined?.errors).toBeUndefined();
          const token = joined!.data!.joinRoom.audio.token;
          await settled();

          // The loss's session ending saw the join and ended it, recording the media revocation.
          expect(await sql(api, `select 1 from participants where room_id = ? and profile_id = 'grant-ada' and left_at is null`, [roomId])).toEqual([]);
          const cutoff = revocationCutoff(await revokedAt(roomId, 'grant-ada'));
          expect(claimsOf(token).nbf).toBeLessThan(cutoff);
          await api.livekit.connectWithToken(token);
          await settled();
          expect(succeeded('RemoveParticipant', 'grant-ada')).toEqual([expect.objectContaining({ identity: 'grant-ada', revokeTokenTs: String(cutoff) })]);
          expect(api.livekit.identities(roomId)).not.toContain('grant-ada');
          await expect(api.livekit.connectWithToken(token)).rejects.toThrow('token revoked');
        },
      );
    });
  });
});

