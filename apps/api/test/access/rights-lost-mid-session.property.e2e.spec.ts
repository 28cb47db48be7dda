// Issue 15 — kind: a session outlives a right that was lost, as a property. Random sequences of
// losses (a block, a demotion, a removal, a ban, a suspension, leaving the room's group, losing
// staff rights) happen while three viewers hold open `roomEvents` streams, raised hands, stage
// places and media connections (tokens from joinRoom / refreshAudioAccess, connected to the
// LiveKit double), on a real API (HTTP + graphql-ws) and a real PostgreSQL. After each loss's
// command returns, a probe event is committed at once; once the propagation points are passed
// (the witness's stream has the probe, the media outbox is drained, a stream the policy now
// refuses has ended), every viewer is checked against the pure access table
// (`decideRoomAccess`) for the relation the test's own model says they have now:
//   - WATCH refused: the stream has ended, and nothing committed after the loss reached it;
//     WATCH allowed: the stream is open and has the probe, with hand questions only if the
//     viewer may still SEE_HAND_QUESTIONS;
//   - SEE: `room(id:)` answers the room or null;
//   - LISTEN_MEDIA / PUBLISH_MEDIA: refreshAudioAccess is refused with the table's code or grants
//     exactly `canPublish`, and the LiveKit double no longer has them (or lets them publish);
//   - RAISE_HAND refused: their hand is not in the room's queue.
import { randomUUID } from 'node:crypto';

import fc from 'fast-check';
import { decideRoomAccess, type ParticipantRole, type RoomRelation, RoomOperation, RoomStatus, RoomVisibility } from '@roundtable/domain';
import type { Client } from 'graphql-ws';

import { signDevelopmentToken } from '../../src/auth/authenticator';
import { apiCodeForDomainError } from '../../src/common/api-error';
import { DEV_JWT_SECRET } from '../../src/config/config';
import { codeOf, ok, sql, wsExecute } from '../support/graphql-helpers';
import { pollUntil } from '../support/poll';
import { grantStaff, revokeStaff } from '../support/staff';
import { Collector, startTestApi, type TestApi } from '../support/test-api';
import { OPS } from '../support/trust-and-safety-operations';
import { useRedis } from '../support/use-redis';

const VIEWERS = ['rl-a', 'rl-b', 'rl-c'] as const;
const HOST = 'rl-host';
const WITNESS = 'rl-witness';
const STAFF = 'rl-staff';
/**
 * How long a wait on an acknowledgement (the stream's end, the media outbox draining) may take
 * before the run fails as hung. Issue 15's "within 2 seconds" is met by design (the loss's own
 * commit notifies the streams and queues the media job at once, and the waits start on the
 * probe's acknowledgement); this bound only guards against a hang, and is generous so a loaded
 * CI machine never turns a slow run into a failure: tests count, they do not time.
 */
const LOSS_PROPAGATION_MS = 15_000;

type Elevation = 'listener' | 'hand' | 'speaker' | 'moderator';
type LossKind = 'block' | 'demote' | 'remove' | 'ban' | 'suspend' | 'leaveGroup' | 'loseStaff';
interface Loss {
  readonly kind: LossKind;
  readonly viewer: number;
}
interface Scenario {
  readonly visibility: 'PUBLIC' | 'GROUP';
  readonly elevations: readonly Elevation[];
  readonly staff: readonly boolean[];
  readonly losses: readonly Loss[];
}

const EVENTS = `subscription($r: ID!) { roomEvents(roomId: $r) { __typename version
  ... on HandRaised { participant { profile { id } handRaiseQuestion } } } }`;
const ROOM = `query($r: ID!) { room(id: $r) { id } }`;
const HANDS = `query($r: ID!) { room(id: $r) { raisedHands { profile { id } } } }`;
const REFRESH = `mutation($r: ID!) { refreshAudioAccess(roomId: $r) { token canPublish } }`;
const JOIN = `mutation($r: ID!) { joinRoom(roomId: $r) { audio { token } } }`;
const LOWER = `mutation($r: ID!) { lowerHand(roomId: $r) { id } }`;

type EventItem = { roomEvents: { __typename: string; version: number; participant?: { profile: { id: string }; handRaiseQuestion: string | null } } };

/** What the test knows of one viewer: the facts it changed itself (the role is read from the table). */
interface ViewerModel {
  readonly id: string;
  token: string;
  stream: Collector<EventItem>;
  client: Client;
  isGroupMember: boolean;
  isBanned: boolean;
  isBlockedByHost: boolean;
  isSuspended: boolean;
  isStaff: boolean;
  reportId: string;
  /** The room's version when the viewer lost WATCH: nothing later may reach the stream. */
  watchLostAt: number | null;
}

const scenarios: fc.Arbitrary<Scenario> = fc.record({
  visibility: fc.constantFrom('PUBLIC' as const, 'GROUP' as const),
  elevations: fc.array(fc.constantFrom<Elevation>('listener', 'hand', 'speaker', 'moderator'), { minLength: 3, maxLength: 3 }),
  staff: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  losses: fc.array(
    fc.record({
      kind: fc.constantFrom<LossKind>('block', 'demote', 'remove', 'ban', 'suspend', 'leaveGroup', 'loseStaff'),
      viewer: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

/** Where commands go (HTTP) and where the viewers' sockets are: one instance, or two sharing Redis. */
interface Deployment {
  readonly http: TestApi;
  readonly ws: TestApi;
  readonly instances: readonly TestApi[];
}

/**
 * The property over one deployment. `start` runs in `beforeAll`; `numRuns` generated scenarios,
 * each on an emptied database.
 */
function rightsLostMidSession(title: string, start: () => Promise<Deployment>, numRuns: number): void {
  describe(title, () => {
    let deployment: Deployment | null = null;
    beforeAll(async () => {
      deployment = await start();
    });
    afterAll(async () => {
      // In order: an instance that borrowed another's LiveKit double stops before its owner.
      for (const instance of deployment?.instances ?? []) await instance.stop();
    });
    const live = (): Deployment => {
      if (!deployment) throw new Error('the deployment is used before its beforeAll started it');
      return deployment;
    };
    /** Commands and checks over HTTP go to this instance. */
    const api = new Proxy({} as TestApi, {
      get(_target, property) {
        const value: unknown = Reflect.get(live().http, property);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(live().http) : value;
      },
    });

    /** Empties the database, and makes every instance forget what it knew of it. */
    async function clearAll(): Promise<void> {
      await api.clear();
      for (const instance of live().instances) {
        instance.api.server.services.profiles.forgetKnownProfiles();
        await instance.api.server.services.staff.refresh();
      }
    }

    /** Staff grants and withdrawals reach every instance's copy of the record at once. */
    async function refreshStaff(): Promise<void> {
      for (const instance of live().instances) await instance.api.server.services.staff.refresh();
    }

    /** Waits (bounded) until the socket instance has `count` live streams of the room. */
    async function socketStreamsReach(roomId: string, count: number): Promise<void> {
      const stream = live().ws.api.server.services.roomEvents;
      expect(await pollUntil(() => stream.subscriberCount(roomId), (n) => n >= count)).toBeGreaterThanOrEqual(count);
    }

    /** Tokens of one hour, within AUTH_MAX_STAFF_TOKEN_LIFETIME_SECONDS, so a staff grant counts. */
    const tokenOf = (sub: string) => signDevelopmentToken(DEV_JWT_SECRET, { sub, name: `Person ${sub}` }, '1h');

    /**
     * Every media job has run, polled every 25 ms for at most `withinMs` (a hang guard, see
     * LOSS_PROPAGATION_MS): the media server then has what the table allows.
     */
    const outboxDrained = async (withinMs = 10_000): Promise<void> => {
      expect(await pollUntil(() => api.api.outbox.pendingCount(), (n) => n === 0, { attempts: withinMs / 25, intervalMs: 25 })).toBe(0);
    };

    const roleOf = async (roomId: string, profileId: string): Promise<ParticipantRole | null> => {
      const [row] = await sql<{ role: ParticipantRole }>(api, `select role from participants where room_id = ? and profile_id = ? and left_at is null`, [roomId, profileId]);
      return row?.role ?? null;
    };

    const versionOf = async (roomId: string): Promise<number> => {
      const [row] = await sql<{ version: number }>(api, `select version from room_streams where room_id = ?`, [roomId]);
      return row?.version ?? 0;
    };

    const ended = (stream: Collector<EventItem>) => stream.completed || stream.errors.length > 0;

    async function relationOf(roomId: string, visibility: RoomVisibility, viewer: ViewerModel): Promise<RoomRelation> {
      return {
        visibility,
        status: RoomStatus.Live,
        isHost: false,
        role: await roleOf(roomId, viewer.id),
        isGroupMember: viewer.isGroupMember,
        isInvitee: false,
        isBanned: viewer.isBanned,
        isBlockedByHost: viewer.isBlockedByHost,
        isSuspended: viewer.isSuspended,
        isStaff: viewer.isStaff && !viewer.isSuspended,
      };
    }

    async function connectMedia(token: string, microphone: 'none' | 'unmuted'): Promise<void> {
      await api.livekit.connectWithToken(token, { microphone });
    }

    /** Sets up one run: the room, the group, the cast with their sessions. */
    async function setUp(scenario: Scenario) {
      await clearAll();
      const [host, witness, staff] = await Promise.all([tokenOf(HOST), tokenOf(WITNESS), tokenOf(STAFF)]);
      await grantStaff(api, STAFF);
      await refreshStaff();
      const { createGroup } = await ok<{ createGroup: { id: string } }>(api, `mutation { createGroup(input: { name: "Rights guild", joinPolicy: OPEN }) { id } }`, {}, host);
      const groupId = createGroup.id;
      const viewers: ViewerModel[] = [];
      for (const id of VIEWERS) {
        const token = await tokenOf(id);
        viewers.push({
          id,
          token,
          stream: new Collector<EventItem>(),
          client: live().ws.wsClient(token),
          isGroupMember: true,
          isBanned: false,
          isBlockedByHost: false,
          isSuspended: false,
          isStaff: false,
          reportId: '',
          watchLostAt: null,
        });
      }
      for (const token of [witness, ...viewers.map((v) => v.token)]) await ok(api, `mutation($g: ID!) { joinGroup(groupId: $g) { id } }`, { g: groupId }, token);
      const { createRoom } = await ok<{ createRoom: { id: string } }>(
        api,
        scenario.visibility === 'GROUP'
          ? `mutation($g: ID!) { createRoom(input: { title: "Rights", visibility: GROUP, groupId: $g }) { id } }`
          : `mutation { createRoom(input: { title: "Rights" }) { id } }`,
        scenario.visibility === 'GROUP' ? { g: groupId } : {},
        host,
      );
      const roomId = createRoom.id;
      await ok(api, JOIN, { r: roomId }, witness);
      for (const [index, viewer] of viewers.entries()) {
        const joined = await ok<{ joinRoom: { audio: { token: string } } }>(api, JOIN, { r: roomId }, viewer.token);
        await connectMedia(joined.joinRoom.audio.token, 'none');
        const elevation = scenario.elevations[index]!;
        if (elevation === 'hand') await ok(api, OPS.raiseHand, { r: roomId, q: `question of ${viewer.id}` }, viewer.token);
        if (elevation === 'speaker' || elevation === 'moderator') {
          await ok(api, OPS.inviteToStage, { r: roomId, p: viewer.id }, host);
          await ok(api, OPS.acceptStageInvite, { r: roomId }, viewer.token);
          if (elevation === 'moderator') await ok(api, `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { id } }`, { r: roomId, p: viewer.id }, host);
          const stage = await ok<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(api, REFRESH, { r: roomId }, viewer.token);
          expect(stage.refreshAudioAccess.canPublish).toBe(true);
          await connectMedia(stage.refreshAudioAccess.token, 'unmuted');
        }
        // Reported by the host now, while in the room, so that staff can suspend them later.
        const filed = await ok<{ reportAbuse: { id: string } }>(api, OPS.reportAbuse, { input: { roomId, profileId: viewer.id, category: 'HARASSMENT', details: 'rights' } }, host);
        viewer.reportId = filed.reportAbuse.id;
        if (scenario.staff[index]) {
          await grantStaff(api, viewer.id);
          await refreshStaff();
          viewer.isStaff = true;
        }
      }
      const witnessStream = new Collector<EventItem>();
      const witnessClient = live().ws.wsClient(witness);
      witnessClient.subscribe({ query: EVENTS, variables: { r: roomId } }, witnessStream.sink);
      for (const viewer of viewers) viewer.client.subscribe({ query: EVENTS, variables: { r: roomId } }, viewer.stream.sink);
      await socketStreamsReach(roomId, 1 + viewers.length);
      await outboxDrained();
      return { host, witness, staff, roomId, groupId, viewers, witnessStream, witnessClient };
    }

    /** Issues one loss through the API; false when it does not apply to the viewer as they stand. */
    async function applyLoss(loss: Loss, world: Awaited<ReturnType<typeof setUp>>): Promise<boolean> {
      const { host, staff, roomId, groupId } = world;
      const viewer = world.viewers[loss.viewer]!;
      const role = await roleOf(roomId, viewer.id);
      switch (loss.kind) {
        case 'block':
          if (viewer.isBlockedByHost) return false;
          await ok(api, OPS.block, { p: viewer.id }, host);
          viewer.isBlockedByHost = true;
          return true;
        case 'demote':
          if (role === 'MODERATOR') {
            await ok(api, `mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: false) { id } }`, { r: roomId, p: viewer.id }, host);
            return true;
          }
          if (role === 'SPEAKER') {
            await ok(api, `mutation($r: ID!, $p: ID!) { moveToAudience(roomId: $r, profileId: $p) { id } }`, { r: roomId, p: viewer.id }, host);
            return true;
          }
          return false;
        case 'remove':
        case 'ban':
          if (role === null) return false;
          await ok(api, `mutation($r: ID!, $p: ID!, $ban: Boolean) { removeParticipant(roomId: $r, profileId: $p, ban: $ban) { id } }`, { r: roomId, p: viewer.id, ban: loss.kind === 'ban' }, host);
          if (loss.kind === 'ban') viewer.isBanned = true;
          return true;
        case 'suspend':
          if (viewer.isSuspended) return false;
          await ok(api, OPS.resolveReport, { input: { reportId: viewer.reportId, action: 'SUSPEND', note: 'rights property' } }, staff);
          viewer.isSuspended = true;
          return true;
        case 'leaveGroup':
          if (!viewer.isGroupMember) return false;
          await ok(api, `mutation($g: ID!) { leaveGroup(groupId: $g) { id } }`, { g: groupId }, viewer.token);
          viewer.isGroupMember = false;
          return true;
        case 'loseStaff':
          if (!viewer.isStaff) return false;
          // The record changes; each instance reads it again (as its STAFF_ROLES_REFRESH_MS would).
          await revokeStaff(api, viewer.id);
          await refreshStaff();
          viewer.isStaff = false;
          return true;
      }
    }

    /** Every viewer's sessions against the table, once the loss has propagated. */
    async function checkViewers(world: Awaited<ReturnType<typeof setUp>>, visibility: RoomVisibility, lossVersion: number, probeVersion: number, step: string): Promise<void> {
      const { roomId, host } = world;
      const hands = await ok<{ room: { raisedHands: { profile: { id: string } }[] } }>(api, HANDS, { r: roomId }, host);
      const handsUp = new Set(hands.room.raisedHands.map((hand) => hand.profile.id));
      for (const viewer of world.viewers) {
        const relation = await relationOf(roomId, visibility, viewer);
        const may = (operation: RoomOperation) => decideRoomAccess(operation, relation);
        const where = { step, viewer: viewer.id, relation };

        // The stream: ended with nothing after the loss, or open with the probe.
        if (!may(RoomOperation.Watch).allowed) {
          viewer.watchLostAt ??= lossVersion;
          await viewer.stream.until(() => ended(viewer.stream), `${viewer.id}'s stream to end (${step})`, LOSS_PROPAGATION_MS);
          const after = viewer.stream.items.map((item) => item.roomEvents.version).filter((version) => version > viewer.watchLostAt!);
          expect({ ...where, eventsAfterLoss: after }).toEqual({ ...where, eventsAfterLoss: [] });
        } else {
          await viewer.stream.until(() => ended(viewer.stream) || viewer.stream.items.some((item) => item.roomEvents.version >= probeVersion), `${viewer.id}'s stream to carry the probe (${step})`);
          expect({ ...where, ended: ended(viewer.stream) }).toEqual({ ...where, ended: false });
          const seesQuestions = may(RoomOperation.SeeHandQuestions).allowed;
          for (const item of viewer.stream.items.filter((i) => i.roomEvents.version > lossVersion && i.roomEvents.__typename === 'HandRaised')) {
            const question = item.roomEvents.participant?.handRaiseQuestion ?? null;
            expect({ ...where, version: item.roomEvents.version, seesQuestion: question !== null }).toEqual({ ...where, version: item.roomEvents.version, seesQuestion: seesQuestions });
          }
        }

        // Queries of the room answer per SEE.
        const seen = await api.request<{ room: { id: string } | null }>(ROOM, { r: roomId }, viewer.token);
        expect({ ...where, errors: seen.errors ?? null, room: seen.data?.room ?? null }).toEqual({
          ...where,
          errors: null,
          room: may(RoomOperation.See).allowed ? { id: roomId } : null,
        });

        // Media grants per LISTEN_MEDIA / PUBLISH_MEDIA, and the media server has followed.
        const listen = may(RoomOperation.ListenMedia);
        const grant = await api.request<{ refreshAudioAccess: { canPublish: boolean } }>(REFRESH, { r: roomId }, viewer.token);
        const media = api.livekit.mediaParticipant(roomId, viewer.id);
        if (!listen.allowed) {
          expect({ ...where, grant: codeOf(grant) ?? 'granted', connected: media !== null }).toEqual({ ...where, grant: apiCodeForDomainError(listen.code), connected: false });
        } else {
          const publish = may(RoomOperation.PublishMedia).allowed;
          expect({ ...where, canPublish: grant.data?.refreshAudioAccess.canPublish }).toEqual({ ...where, canPublish: publish });
          if (!publish && media) expect({ ...where, mediaCanPublish: media.permissions?.canPublish ?? false }).toEqual({ ...where, mediaCanPublish: false });
        }

        // A hand the table no longer allows is out of the queue.
        if (!may(RoomOperation.RaiseHand).allowed) expect({ ...where, handUp: handsUp.has(viewer.id) }).toEqual({ ...where, handUp: false });
      }
    }

    it('after each loss, no event, query answer or media grant reaches the viewer beyond what the table allows', async () => {
      let runs = 0;
      const applied = new Map<LossKind, number>();
      await fc.assert(
        fc.asyncProperty(scenarios, async (scenario) => {
          runs += 1;
          const world = await setUp(scenario);
          const visibility = scenario.visibility === 'GROUP' ? RoomVisibility.Group : RoomVisibility.Public;
          let witnessHandUp = false;
          try {
            for (const [index, loss] of scenario.losses.entries()) {
              if (!(await applyLoss(loss, world))) continue;
              applied.set(loss.kind, (applied.get(loss.kind) ?? 0) + 1);
              const step = `${index}: ${loss.kind} ${VIEWERS[loss.viewer]}`;
              const lossVersion = await versionOf(world.roomId);
              // The probe: an event committed right after the loss's command returned.
              await ok(api, witnessHandUp ? LOWER : OPS.raiseHand, witnessHandUp ? { r: world.roomId } : { r: world.roomId, q: `probe ${index}` }, world.witness);
              witnessHandUp = !witnessHandUp;
              const probeVersion = await versionOf(world.roomId);
              await world.witnessStream.until(() => world.witnessStream.items.some((item) => item.roomEvents.version >= probeVersion), `the witness to receive the probe (${step})`);
              await outboxDrained(LOSS_PROPAGATION_MS);
              await checkViewers(world, visibility, lossVersion, probeVersion, step);
            }
          } finally {
            await Promise.all([world.witnessClient.dispose(), ...world.viewers.map((viewer) => viewer.client.dispose())]);
          }
        }),
        { numRuns, endOnFailure: true },
      );
      expect(runs).toBeGreaterThanOrEqual(numRuns);
      // The runs applied losses (a demotion of a listener, say, is skipped): the checks above ran.
      expect([...applied.values()].reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(runs / 2);
    });

    it('a viewer who lost WATCH cannot open a new stream: refused with the table\'s code', async () => {
      const world = await setUp({ visibility: 'GROUP', elevations: ['hand', 'speaker', 'listener'], staff: [true, false, false], losses: [] });
      await applyLoss({ kind: 'leaveGroup', viewer: 0 }, world);
      await applyLoss({ kind: 'block', viewer: 1 }, world);
      for (const viewer of world.viewers.slice(0, 2)) {
        const relation = await relationOf(world.roomId, RoomVisibility.Group, viewer);
        const decision = decideRoomAccess(RoomOperation.Watch, relation);
        expect(decision.allowed).toBe(false);
        const answer = await wsExecute(live().ws.wsClient(viewer.token), EVENTS, { r: world.roomId });
        expect({ viewer: viewer.id, code: codeOf(answer) }).toEqual({ viewer: viewer.id, code: decision.allowed ? undefined : apiCodeForDomainError(decision.code) });
      }
      await Promise.all([world.witnessClient.dispose(), ...world.viewers.map((viewer) => viewer.client.dispose())]);
    });
  });
}

const ENV = { REPORT_RATE_LIMIT: '1000' };

rightsLostMidSession(
  'kind: a session outlives a right that was lost — random sequences of losses over open sessions, one instance (issue 15, property)',
  async () => {
    const only = await startTestApi(ENV);
    return { http: only, ws: only, instances: [only] };
  },
  8,
);

// The viewers' sockets on one instance, every command on another: access changes and room events
// reach the sockets through Redis pub/sub only, as behind a load balancer.
const redis = useRedis('the rights-lost-mid-session property over two instances');
if (redis.available) {
  rightsLostMidSession(
    'kind: a session outlives a right that was lost — the same property with the sockets on a second instance, over Redis (issue 15, property)',
    async () => {
      // Rate-limit keys of this suite's own: Redis is shared with other suites and people.
      const env = { ...ENV, REDIS_URL: redis.url(), RATE_LIMIT_KEY_PREFIX: `rights-${randomUUID().slice(0, 8)}` };
      const commands = await startTestApi(env);
      const sockets = await startTestApi(env, { livekit: commands.livekit });
      return { http: commands, ws: sockets, instances: [sockets, commands] };
    },
    6,
  );
}
