// Every role-gated room mutation × every role, over real HTTP (and a subset over graphql-ws).
// Rooms are built through the API. A cell that succeeds gets a fresh room; the refused cells of
// one row share the row's room, which is sound because each of them asserts that the room is
// exactly as it was afterwards (contract: "A failed mutation changes nothing").
import { codeOf, okOn, sql, wsExecute } from './support/graphql-helpers';
import { startTestApi, type TestApi, tokenFor } from './support/test-api';
import { staffTokenFor } from './support/staff';

type Role = 'HOST' | 'MODERATOR' | 'SPEAKER' | 'LISTENER' | 'NON_PARTICIPANT' | 'STAFF' | 'ANONYMOUS';
type Outcome = 'ok' | 'FORBIDDEN' | 'CONFLICT' | 'NOT_FOUND' | 'UNAUTHENTICATED';

const ROLES: readonly Role[] = ['HOST', 'MODERATOR', 'SPEAKER', 'LISTENER', 'NON_PARTICIPANT', 'STAFF', 'ANONYMOUS'];

/** Who plays each role. ANONYMOUS sends no token; its id is only used for "self" targets. */
const ACTOR: Readonly<Record<Role, string>> = {
  HOST: 'mx-host',
  MODERATOR: 'mx-mod',
  SPEAKER: 'mx-speaker',
  LISTENER: 'mx-listener',
  NON_PARTICIPANT: 'mx-outsider',
  STAFF: 'mx-staff',
  ANONYMOUS: 'mx-anonymous',
};
/** Targets that are not actors: another speaker and another listener. */
const OTHER_SPEAKER = 'mx-other-speaker';
const OTHER_LISTENER = 'mx-other-listener';

interface ParticipantRow {
  readonly role: string;
  readonly handRaised: boolean;
  readonly invited: boolean;
  readonly muted: boolean;
}

/** The room's whole persisted state, read from PostgreSQL. */
interface RoomSnapshot {
  readonly version: number;
  readonly status: string;
  readonly hostId: string;
  readonly events: number;
  readonly bans: readonly string[];
  readonly participants: Readonly<Record<string, ParticipantRow>>;
  /** The room's chat (issue 17): its messages (id, author, deleted) and settings. */
  readonly chat: { readonly messages: readonly string[]; readonly mode: string; readonly slowModeSeconds: number; readonly pinnedLinks: string };
}

interface Row {
  readonly name: string;
  /** The mutation the actor sends (`$roomId` is always set; `$actor` is the actor's own id). */
  readonly mutation: string;
  readonly expected: Readonly<Record<Role, Outcome>>;
  /** Extra set-up through the API before the cell runs. */
  readonly prepare?: (room: RoomFixture) => Promise<void>;
  /** What a successful cell must have changed. */
  readonly verify?: (after: RoomSnapshot, before: RoomSnapshot, role: Role, room: RoomFixture) => Promise<void> | void;
  /** Variables besides `$roomId` and `$actor`, from what `prepare` made. */
  readonly variables?: (room: RoomFixture) => Record<string, unknown>;
  /** Outcomes in a PRIVATE room that differ from the section's defaults (outsiders NOT_FOUND). */
  readonly privateExpected?: Partial<Record<'NON_PARTICIPANT' | 'STAFF', Outcome>>;
}

interface RoomFixture {
  readonly id: string;
  readonly visibility: 'PUBLIC' | 'PRIVATE';
}

/** One column per role, from a few overrides over a default. */
function outcomes(fallback: Outcome, overrides: Partial<Record<Role, Outcome>>): Record<Role, Outcome> {
  const all = Object.fromEntries(ROLES.map((role) => [role, fallback])) as Record<Role, Outcome>;
  return { ...all, ANONYMOUS: 'UNAUTHENTICATED', ...overrides };
}

const participant = (snapshot: RoomSnapshot, profileId: string) => snapshot.participants[profileId];

describe('authorization matrix: role-gated room mutations × roles', () => {
  let api: TestApi;
  const tokens = {} as Record<Role, string | null>;
  let otherSpeakerToken: string;
  let otherListenerToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.clear();
    for (const role of ROLES) {
      if (role === 'ANONYMOUS') tokens[role] = null;
      else tokens[role] = role === 'STAFF' ? await staffTokenFor(api, ACTOR[role], { name: `Matrix ${role}` }) : await tokenFor(ACTOR[role], { name: `Matrix ${role}` });
    }
    otherSpeakerToken = await tokenFor(OTHER_SPEAKER, { name: 'Other Speaker' });
    otherListenerToken = await tokenFor(OTHER_LISTENER, { name: 'Other Listener' });
    // Profiles are created on first sign-in; PRIVATE rooms may only invite existing profiles.
    await Promise.all(
      [...Object.values(tokens), otherSpeakerToken, otherListenerToken]
        .filter((token): token is string => token !== null)
        .map((token) => api.request(`{ viewer { id } }`, {}, token)),
    );
  });
  afterAll(async () => {
    await api.stop();
  });

  const ok = okOn(() => api);

  /**
   * A LIVE room with maxSpeakers 10: the host; a moderator; two speakers (the SPEAKER actor and
   * another); two listeners (the LISTENER actor and another). The outsider and staff are not in it.
   */
  async function liveRoom(visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC'): Promise<RoomFixture> {
    const inRoom = [ACTOR.MODERATOR, ACTOR.SPEAKER, OTHER_SPEAKER, ACTOR.LISTENER, OTHER_LISTENER];
    const { createRoom } = await ok<{ createRoom: { id: string } }>(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id } }`,
      {
        input: {
          title: 'Authorization matrix',
          maxSpeakers: 10,
          visibility,
          ...(visibility === 'PRIVATE' ? { inviteeIds: inRoom } : {}),
        },
      },
      tokens.HOST,
    );
    const roomId = createRoom.id;
    const join = `mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { id } } }`;
    await Promise.all(
      [tokens.MODERATOR, tokens.SPEAKER, otherSpeakerToken, tokens.LISTENER, otherListenerToken].map((token) =>
        ok(join, { roomId }, token),
      ),
    );
    // Everyone comes on stage by accepting an invitation; the moderator is appointed after.
    await Promise.all(
      [ACTOR.MODERATOR, ACTOR.SPEAKER, OTHER_SPEAKER].map((p) =>
        ok(`mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { id } }`, { roomId, p }, tokens.HOST),
      ),
    );
    await Promise.all(
      [tokens.MODERATOR, tokens.SPEAKER, otherSpeakerToken].map((token) =>
        ok(`mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`, { roomId }, token),
      ),
    );
    await ok(`mutation($roomId: ID!, $p: ID!) { setModerator(roomId: $roomId, profileId: $p, moderator: true) { role } }`, { roomId, p: ACTOR.MODERATOR }, tokens.HOST);
    const room = { id: roomId, visibility };
    const state = await snapshot(room);
    expect(Object.fromEntries(Object.entries(state.participants).map(([id, p]) => [id, p.role]))).toEqual({
      [ACTOR.HOST]: 'HOST',
      [ACTOR.MODERATOR]: 'MODERATOR',
      [ACTOR.SPEAKER]: 'SPEAKER',
      [OTHER_SPEAKER]: 'SPEAKER',
      [ACTOR.LISTENER]: 'LISTENER',
      [OTHER_LISTENER]: 'LISTENER',
    });
    return room;
  }

  async function scheduledRoom(): Promise<RoomFixture> {
    const { createRoom } = await ok<{ createRoom: { id: string; status: string } }>(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id status } }`,
      { input: { title: 'Later', scheduledFor: new Date(Date.now() + 86_400_000).toISOString() } },
      tokens.HOST,
    );
    expect(createRoom.status).toBe('SCHEDULED');
    return { id: createRoom.id, visibility: 'PUBLIC' };
  }

  async function snapshot(room: RoomFixture): Promise<RoomSnapshot> {
    const [[row], events, bans, participants, messages] = await Promise.all([
      sql<{ version: number; status: string; host_id: string; chat_mode: string; chat_slow_mode_seconds: number; pinned_links: unknown }>(
        api,
        `select s.version, r.status, r.host_id, r.chat_mode, r.chat_slow_mode_seconds, r.pinned_links from rooms r join room_streams s on s.room_id = r.id where r.id = ?`,
        [room.id],
      ),
      sql<{ n: string }>(api, `select count(*) as n from room_events where room_id = ?`, [room.id]),
      sql<{ profile_id: string }>(api, `select profile_id from room_bans where room_id = ? order by profile_id`, [room.id]),
      sql<{ profile_id: string; role: string; hand_raised_at: Date | null; invited_to_stage_at: Date | null; muted: boolean }>(
        api,
        `select profile_id, role, hand_raised_at, invited_to_stage_at, muted from participants where room_id = ? and left_at is null`,
        [room.id],
      ),
      sql<{ id: string; author_id: string; deleted: boolean }>(api, `select id, author_id, deleted_at is not null as deleted from chat_messages where room_id = ? order by created_at, id`, [room.id]),
    ]);
    if (!row) throw new Error(`room ${room.id} is missing`);
    return {
      version: row.version,
      status: row.status,
      hostId: row.host_id,
      events: Number(events[0]?.n ?? 0),
      bans: bans.map((ban) => ban.profile_id),
      participants: Object.fromEntries(
        participants.map((p) => [
          p.profile_id,
          { role: p.role, handRaised: p.hand_raised_at !== null, invited: p.invited_to_stage_at !== null, muted: p.muted },
        ]),
      ),
      chat: {
        messages: messages.map((m) => `${m.id} ${m.author_id}${m.deleted ? ' deleted' : ''}`),
        mode: row.chat_mode,
        slowModeSeconds: row.chat_slow_mode_seconds,
        pinnedLinks: JSON.stringify(row.pinned_links),
      },
    };
  }

  const join = (roomId: string, token: string | null) =>
    api.request(`mutation($roomId: ID!) { joinRoom(roomId: $roomId) { participant { role } } }`, { roomId }, token);

  const ROWS: readonly Row[] = [
    {
      name: 'startRoom (a LIVE room)',
      mutation: `mutation($roomId: ID!) { startRoom(roomId: $roomId) { status } }`,
      // The host is told the room is already live; nobody else may start it at all.
      expected: outcomes('FORBIDDEN', { HOST: 'CONFLICT' }),
    },
    {
      name: 'endRoom',
      mutation: `mutation($roomId: ID!) { endRoom(roomId: $roomId) { status } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
      verify: (after) => {
        expect(after.status).toBe('ENDED');
        expect(after.participants).toEqual({});
      },
    },
    {
      name: 'inviteToStage (a listener)',
      mutation: `mutation($roomId: ID!) { inviteToStage(roomId: $roomId, profileId: "${OTHER_LISTENER}") { invitedToStageAt } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      verify: (after) => expect(participant(after, OTHER_LISTENER)).toMatchObject({ role: 'LISTENER', invited: true }),
    },
    {
      name: 'moveToAudience (another speaker)',
      mutation: `mutation($roomId: ID!) { moveToAudience(roomId: $roomId, profileId: "${OTHER_SPEAKER}") { role } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      verify: (after) => expect(participant(after, OTHER_SPEAKER)?.role).toBe('LISTENER'),
    },
    {
      name: 'moveToAudience (self)',
      mutation: `mutation($roomId: ID!, $actor: ID!) { moveToAudience(roomId: $roomId, profileId: $actor) { role } }`,
      // A speaker (or moderator) may step down; the host is protected; listeners are not on stage.
      expected: outcomes('FORBIDDEN', { HOST: 'CONFLICT', MODERATOR: 'ok', SPEAKER: 'ok' }),
      verify: (after, _before, role) => expect(participant(after, ACTOR[role])?.role).toBe('LISTENER'),
    },
    {
      name: 'moveToAudience (the host)',
      mutation: `mutation($roomId: ID!) { moveToAudience(roomId: $roomId, profileId: "${ACTOR.HOST}") { role } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'CONFLICT', MODERATOR: 'CONFLICT' }),
    },
    {
      name: 'setModerator (appoint a speaker)',
      mutation: `mutation($roomId: ID!) { setModerator(roomId: $roomId, profileId: "${OTHER_SPEAKER}", moderator: true) { role } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
      verify: (after) => expect(participant(after, OTHER_SPEAKER)?.role).toBe('MODERATOR'),
    },
    {
      name: 'setModerator (revoke the moderator)',
      mutation: `mutation($roomId: ID!) { setModerator(roomId: $roomId, profileId: "${ACTOR.MODERATOR}", moderator: false) { role } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
      verify: (after) => expect(participant(after, ACTOR.MODERATOR)?.role).toBe('SPEAKER'),
    },
    {
      name: 'setModerator (the host)',
      mutation: `mutation($roomId: ID!) { setModerator(roomId: $roomId, profileId: "${ACTOR.HOST}", moderator: true) { role } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'CONFLICT' }),
    },
    {
      name: 'muteParticipant (another speaker)',
      mutation: `mutation($roomId: ID!) { muteParticipant(roomId: $roomId, profileId: "${OTHER_SPEAKER}") { muted } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      verify: (after) => expect(participant(after, OTHER_SPEAKER)).toMatchObject({ role: 'SPEAKER', muted: true }),
    },
    {
      name: 'muteParticipant (the host)',
      mutation: `mutation($roomId: ID!) { muteParticipant(roomId: $roomId, profileId: "${ACTOR.HOST}") { muted } }`,
      // The host may mute their own microphone; moderators may not mute the host.
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'CONFLICT' }),
      verify: (after) => expect(participant(after, ACTOR.HOST)).toMatchObject({ role: 'HOST', muted: true }),
    },
    {
      name: 'removeParticipant (a listener, without ban)',
      mutation: `mutation($roomId: ID!) { removeParticipant(roomId: $roomId, profileId: "${OTHER_LISTENER}") { id } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      verify: async (after, _before, _role, room) => {
        expect(participant(after, OTHER_LISTENER)).toBeUndefined();
        expect(after.bans).toEqual([]);
        expect(codeOf(await join(room.id, otherListenerToken))).toBeUndefined();
      },
    },
    {
      name: 'removeParticipant (a listener, with ban)',
      mutation: `mutation($roomId: ID!) { removeParticipant(roomId: $roomId, profileId: "${OTHER_LISTENER}", ban: true) { id } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      verify: async (after, _before, _role, room) => {
        expect(participant(after, OTHER_LISTENER)).toBeUndefined();
        expect(after.bans).toEqual([OTHER_LISTENER]);
        expect(codeOf(await join(room.id, otherListenerToken))).toBe('CONFLICT');
      },
    },
    {
      name: 'removeParticipant (the moderator)',
      mutation: `mutation($roomId: ID!) { removeParticipant(roomId: $roomId, profileId: "${ACTOR.MODERATOR}") { id } }`,
      // A moderator cannot remove themself (they leave instead).
      expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
      verify: (after) => expect(participant(after, ACTOR.MODERATOR)).toBeUndefined(),
    },
    {
      name: 'removeParticipant (the host)',
      mutation: `mutation($roomId: ID!) { removeParticipant(roomId: $roomId, profileId: "${ACTOR.HOST}", ban: true) { id } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'CONFLICT', MODERATOR: 'CONFLICT' }),
    },
    {
      name: 'raiseHand',
      mutation: `mutation($roomId: ID!) { raiseHand(roomId: $roomId, question: "Why?") { handRaisedAt } }`,
      // Stage members are already on stage; outsiders are not in the room.
      expected: outcomes('CONFLICT', { LISTENER: 'ok' }),
      verify: (after) => expect(participant(after, ACTOR.LISTENER)).toMatchObject({ role: 'LISTENER', handRaised: true }),
    },
    {
      name: 'lowerHand (with the listener’s hand raised)',
      mutation: `mutation($roomId: ID!) { lowerHand(roomId: $roomId) { handRaisedAt } }`,
      prepare: async (room) => {
        await ok(`mutation($roomId: ID!) { raiseHand(roomId: $roomId) { id } }`, { roomId: room.id }, tokens.LISTENER);
      },
      // Participants without a raised hand get an idempotent no-op; outsiders are not in the room.
      expected: outcomes('ok', { NON_PARTICIPANT: 'CONFLICT', STAFF: 'CONFLICT' }),
      verify: (after, before, role) => {
        if (role === 'LISTENER') expect(participant(after, ACTOR.LISTENER)?.handRaised).toBe(false);
        else expect(after).toEqual(before);
      },
    },
    {
      name: 'acceptStageInvite (the listener is invited)',
      mutation: `mutation($roomId: ID!) { acceptStageInvite(roomId: $roomId) { role } }`,
      prepare: async (room) => {
        await ok(`mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { id } }`, { roomId: room.id, p: ACTOR.LISTENER }, tokens.HOST);
      },
      // Only the invitee has an invitation to accept.
      expected: outcomes('CONFLICT', { LISTENER: 'ok' }),
      verify: (after) => expect(participant(after, ACTOR.LISTENER)).toMatchObject({ role: 'SPEAKER', invited: false }),
    },
    {
      name: 'declineStageInvite (the listener is invited)',
      mutation: `mutation($roomId: ID!) { declineStageInvite(roomId: $roomId) { role } }`,
      prepare: async (room) => {
        await ok(`mutation($roomId: ID!, $p: ID!) { inviteToStage(roomId: $roomId, profileId: $p) { id } }`, { roomId: room.id, p: ACTOR.LISTENER }, tokens.HOST);
      },
      expected: outcomes('CONFLICT', { LISTENER: 'ok' }),
      verify: (after) => expect(participant(after, ACTOR.LISTENER)).toMatchObject({ role: 'LISTENER', invited: false }),
    },
    // The chat (issue 17): WRITE_CHAT, MODERATE_CHAT and CONFIGURE_CONVERSATION of the access table.
    {
      name: 'sendChatMessage',
      mutation: `mutation($roomId: ID!) { sendChatMessage(roomId: $roomId, text: "Hello from the matrix") { id } }`,
      // Anyone in the room writes in OPEN mode; whoever is not in it is told so.
      expected: outcomes('CONFLICT', { HOST: 'ok', MODERATOR: 'ok', SPEAKER: 'ok', LISTENER: 'ok' }),
      privateExpected: { STAFF: 'FORBIDDEN' },
      verify: (after, before, role) => {
        expect(after.chat.messages).toHaveLength(before.chat.messages.length + 1);
        expect(after.chat.messages.at(-1)).toMatch(new RegExp(` ${ACTOR[role]}$`));
      },
    },
    {
      name: "deleteChatMessage (another listener's message)",
      // `$roomId` is sent as to every row, and not declared: graphql-js ignores undeclared variables.
      mutation: `mutation($messageId: ID!) { deleteChatMessage(messageId: $messageId) { deleted } }`,
      prepare: async (room) => {
        const { sendChatMessage } = await ok<{ sendChatMessage: { id: string } }>(
          `mutation($roomId: ID!) { sendChatMessage(roomId: $roomId, text: "Delete me") { id } }`,
          { roomId: room.id },
          otherListenerToken,
        );
        chatMessageOf.set(room.id, sendChatMessage.id);
      },
      variables: (room) => ({ messageId: chatMessageOf.get(room.id) }),
      // The host and moderators delete anyone's; others read it but may not delete it.
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      // Staff do not belong to a private room: they may not read its chat, so the message is not found.
      privateExpected: { STAFF: 'NOT_FOUND' },
      verify: (after, before) => {
        expect(after.chat.messages).toEqual(before.chat.messages.map((m, i) => (i === before.chat.messages.length - 1 ? `${m} deleted` : m)));
      },
    },
    {
      name: 'updateRoomConversation (slow mode)',
      mutation: `mutation($roomId: ID!) { updateRoomConversation(input: { roomId: $roomId, chatMode: SLOW, chatSlowModeSeconds: 45 }) { chatMode } }`,
      expected: outcomes('FORBIDDEN', { HOST: 'ok', MODERATOR: 'ok' }),
      privateExpected: { STAFF: 'FORBIDDEN' },
      verify: (after) => expect(after.chat).toMatchObject({ mode: 'SLOW', slowModeSeconds: 45 }),
    },
  ];

  /** The message each deletion row's room was prepared with. */
  const chatMessageOf = new Map<string, string>();

  const cells = (rows: readonly Row[], roles: readonly Role[]) =>
    rows.flatMap((row) => roles.map((role) => [row.name, role, row.expected[role], row] as const));

  const sharedRooms = new Map<string, Promise<RoomFixture>>();

  /** A fresh room for a cell that changes it; the row's shared room for a refused cell. */
  function roomForCell(section: string, row: Row, expected: Outcome, build: () => Promise<RoomFixture>): Promise<RoomFixture> {
    const prepared = async () => {
      const room = await build();
      await row.prepare?.(room);
      return room;
    };
    if (expected === 'ok') return prepared();
    const key = `${section}/${row.name}`;
    let room = sharedRooms.get(key);
    if (!room) {
      room = prepared();
      sharedRooms.set(key, room);
    }
    return room;
  }

  /** Runs one cell's mutation through `send` and checks the outcome against the snapshot. */
  async function runCell(
    room: RoomFixture,
    row: Row,
    role: Role,
    expected: Outcome,
    send: (query: string, variables: Record<string, unknown>) => Promise<{ code: string | undefined; errors: unknown; data: unknown }>,
  ) {
    const before = await snapshot(room);
    const result = await send(row.mutation, { roomId: room.id, ...(row.mutation.includes('$actor') ? { actor: ACTOR[role] } : {}), ...row.variables?.(room) });
    const after = await snapshot(room);
    if (expected === 'ok') {
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
      await row.verify?.(after, before, role, room);
      if (after.version !== before.version) expect(after.events).toBe(after.version);
    } else {
      expect({ code: result.code, errors: result.errors }).toMatchObject({ code: expected });
      expect(after).toEqual(before);
    }
  }

  describe('over HTTP, in a PUBLIC room', () => {
    it.each(cells(ROWS, ROLES))('%s as %s → %s', async (_name, role, expected, row) => {
      const room = await roomForCell('public', row, expected, () => liveRoom());
      await runCell(room, row, role, expected, async (query, variables) => {
        const response = await api.request(query, variables, tokens[role]);
        if (expected === 'UNAUTHENTICATED') expect(response.status).toBe(401);
        return { code: codeOf(response), errors: response.errors, data: response.data };
      });
    });
  });

  describe('over HTTP, in a PRIVATE room: outsiders learn nothing, staff get no room powers', () => {
    // Everyone in the room is an invitee; the outsider is not, staff may see the room but not act in it.
    const roles: readonly Role[] = ['NON_PARTICIPANT', 'STAFF'];
    // Staff see the room but do not belong to it: where the access policy's row checks BELONGS
    // before IN_ROOM (raising a hand, taking the stage), they are refused NOT_INVITED (FORBIDDEN)
    // before being told they are not in the room (the table's order, ROOM_ACCESS_TABLE).
    const belongsFirst = new Set(['raiseHand', 'acceptStageInvite (the listener is invited)']);
    const privateRows = ROWS.map((row) => ({
      ...row,
      expected: { ...row.expected, NON_PARTICIPANT: 'NOT_FOUND' as const, ...(belongsFirst.has(row.name) ? { STAFF: 'FORBIDDEN' as const } : {}), ...row.privateExpected },
    }));
    it.each(cells(privateRows, roles))('%s as %s → %s', async (_name, role, expected, row) => {
      const room = await roomForCell('private', row, expected, () => liveRoom('PRIVATE'));
      await runCell(room, row, role, expected, async (query, variables) => {
        const response = await api.request(query, variables, tokens[role]);
        return { code: codeOf(response), errors: response.errors, data: response.data };
      });
    });
  });

  describe('over HTTP, in a SCHEDULED room', () => {
    const scheduledRows: readonly Row[] = [
      {
        name: 'startRoom',
        mutation: `mutation($roomId: ID!) { startRoom(roomId: $roomId) { status } }`,
        expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
        verify: (after) => {
          expect(after.status).toBe('LIVE');
          expect(after.participants).toEqual({ [ACTOR.HOST]: { role: 'HOST', handRaised: false, invited: false, muted: false } });
        },
      },
      {
        name: 'endRoom (cancel)',
        mutation: `mutation($roomId: ID!) { endRoom(roomId: $roomId) { status } }`,
        expected: outcomes('FORBIDDEN', { HOST: 'ok' }),
        verify: (after) => expect(after.status).toBe('ENDED'),
      },
    ];
    // Nobody can be a moderator, speaker or listener in a room that has not started.
    const roles: readonly Role[] = ['HOST', 'NON_PARTICIPANT', 'STAFF', 'ANONYMOUS'];
    it.each(cells(scheduledRows, roles))('%s as %s → %s', async (_name, role, expected, row) => {
      const room = await roomForCell('scheduled', row, expected, scheduledRoom);
      await runCell(room, row, role, expected, async (query, variables) => {
        const response = await api.request(query, variables, tokens[role]);
        return { code: codeOf(response), errors: response.errors, data: response.data };
      });
    });
  });

  describe('regressions', () => {
    it('regression: a pre-emptive ban of a profile that does not exist failed as INTERNAL_SERVER_ERROR (foreign key)', async () => {
      const room = await liveRoom();
      const before = await snapshot(room);
      const ban = `mutation($roomId: ID!, $p: ID!) { removeParticipant(roomId: $roomId, profileId: $p, ban: true) { id } }`;
      const unknown = await api.request(ban, { roomId: room.id, p: 'mx-nobody-at-all' }, tokens.MODERATOR);
      expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(await snapshot(room)).toEqual(before);
      // A profile that exists but is not in the room can be banned before it ever joins.
      const known = await api.request(ban, { roomId: room.id, p: ACTOR.NON_PARTICIPANT }, tokens.MODERATOR);
      expect(known.errors).toBeUndefined();
      expect((await snapshot(room)).bans).toEqual([ACTOR.NON_PARTICIPANT]);
      expect(codeOf(await join(room.id, tokens.NON_PARTICIPANT))).toBe('CONFLICT');
    });
  });

  describe('over graphql-ws: the same rules hold for mutations sent on a WebSocket', () => {
    const subset = new Set([
      'endRoom',
      'inviteToStage (a listener)',
      'moveToAudience (another speaker)',
      'setModerator (appoint a speaker)',
      'muteParticipant (another speaker)',
      'removeParticipant (a listener, with ban)',
      'raiseHand',
      'sendChatMessage',
      "deleteChatMessage (another listener's message)",
      'updateRoomConversation (slow mode)',
    ]);
    const wsRows = ROWS.filter((row) => subset.has(row.name));
    if (wsRows.length !== subset.size) throw new Error('the WebSocket subset names a row that does not exist');
    const wsRoles = ROLES.filter((role) => role !== 'ANONYMOUS');
    const wsClients = new Map<Role, ReturnType<TestApi['wsClient']>>();
    it.each(cells(wsRows, wsRoles))('%s as %s → %s', async (_name, role, expected, row) => {
      const room = await roomForCell('ws', row, expected, () => liveRoom());
      // One socket per role for the whole section (the harness closes them in stop()).
      const client = wsClients.get(role) ?? api.wsClient(tokens[role]);
      wsClients.set(role, client);
      await runCell(room, row, role, expected, async (query, variables) => {
        const response = await wsExecute(client, query, variables);
        expect(response.closeCode).toBeUndefined();
        return { code: codeOf(response), errors: response.errors, data: response.data };
      });
    });

    it.each(wsRows.map((row) => [row.name, row] as const))('%s without a token: the socket is closed with 4401 and nothing changes', async (_name, row) => {
      const room = await roomForCell('ws', row, 'UNAUTHENTICATED', () => liveRoom());
      const before = await snapshot(room);
      const response = await wsExecute(api.wsClient(null), row.mutation, { roomId: room.id, actor: ACTOR.ANONYMOUS, ...row.variables?.(room) });
      expect(response.closeCode).toBe(4401);
      expect(await snapshot(room)).toEqual(before);
    });
  });
});
