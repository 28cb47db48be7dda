import { verifyMediaToken } from '@roundtable/audio/testing';

import { Collector, tokenFor, useTestApi } from './support/test-api';

const PARTICIPANT = 'id role handRaisedAt handRaiseQuestion invitedToStageAt muted profile { id displayName }';
const EVENTS = `subscription($roomId: ID!, $since: Int) {
  roomEvents(roomId: $roomId, sinceVersion: $since) {
    __typename roomId version previousVersion at
    ... on ParticipantJoined { participant { ${PARTICIPANT} } }
    ... on HandRaised { participant { ${PARTICIPANT} } }
    ... on StageInvitation { participant { ${PARTICIPANT} } }
    ... on RoleChanged { previousRole participant { ${PARTICIPANT} } }
    ... on ParticipantMuted { participant { ${PARTICIPANT} } }
    ... on ParticipantRemoved { profileId banned }
    ... on RoomStatusChanged { status }
    ... on AudienceChanged { listenerCount leftProfileIds joined { id profile { id } } }
  }
}`;

interface RoomEventResult {
  roomEvents: {
    __typename: string;
    version: number;
    previousVersion: number;
    participant?: { role: string; handRaiseQuestion: string | null; muted: boolean; profile: { id: string } };
    profileId?: string;
    banned?: boolean;
    status?: string;
    listenerCount?: number;
  };
}

describe('a room from creation to end, over real HTTP and graphql-ws', () => {
  const api = useTestApi();
  let host: string;
  let ada: string;
  let bob: string;

  beforeEach(async () => {
    await api.clear();
    [host, ada, bob] = await Promise.all([
      tokenFor('host-1', { name: 'Hedy Host' }),
      tokenFor('ada', { name: 'Ada Lovelace' }),
      tokenFor('bob', { name: 'Bob Listener' }),
    ]);
  });

  async function createRoom(token = host, input: Record<string, unknown> = {}) {
    const created = await api.request<{ createRoom: { id: string; status: string; version: number } }>(
      `mutation($input: CreateRoomInput!) { createRoom(input: $input) { id status version } }`,
      { input: { title: 'Scaling Postgres', topics: ['backend-development'], maxSpeakers: 3, ...input } },
      token,
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createRoom;
  }

  it('joins, raises a hand, goes on stage, is muted, moved back and banned, with every step live', async () => {
    const room = await createRoom();
    expect(room).toMatchObject({ status: 'LIVE', version: 0 });

    const events = new Collector<RoomEventResult>();
    // sinceVersion: the version the client last saw, so nothing between reading and subscribing is lost.
    api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId: room.id, since: room.version } }, events.sink);
    const joined = await api.request<{ joinRoom: { participant: { role: string }; audio: { token: string; canPublish: boolean; serverUrl: string } } }>(
      `mutation($id: ID!) { joinRoom(roomId: $id) { participant { role } audio { token canPublish serverUrl expiresAt } } }`,
      { id: room.id },
      ada,
    );
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.joinRoom.participant.role).toBe('LISTENER');
    expect(joined.data!.joinRoom.audio.canPublish).toBe(false);
    const listenerGrant = await verifyMediaToken(joined.data!.joinRoom.audio.token, api.livekit.settings);
    expect(listenerGrant.video).toMatchObject({ room: room.id, roomJoin: true, canSubscribe: true, canPublish: false });
    expect(listenerGrant.sub).toBe('ada');
    await events.count(1);
    // A listener joining is an audience change (two-tier room): folded, with the absolute count.
    expect(events.items[0]!.roomEvents).toMatchObject({ __typename: 'AudienceChanged', version: 1, previousVersion: 0, listenerCount: 1 });

    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, bob);
    const raised = await api.request<{ raiseHand: { handRaiseQuestion: string } }>(
      `mutation($id: ID!) { raiseHand(roomId: $id, question: "How do you shard?") { handRaiseQuestion handRaisedAt } }`,
      { id: room.id },
      ada,
    );
    expect(raised.data!.raiseHand.handRaiseQuestion).toBe('How do you shard?');

    // Host and moderators see questions; other listeners see hands without them.
    const query = `query($id: ID!) { room(id: $id) { raisedHands { handRaiseQuestion profile { id } } audience { totalCount edges { node { handRaiseQuestion profile { id } } } } } }`;
    const asHost = await api.request<{ room: { raisedHands: { handRaiseQuestion: string; profile: { id: string } }[] } }>(query, { id: room.id }, host);
    expect(asHost.data!.room.raisedHands).toEqual([{ handRaiseQuestion: 'How do you shard?', profile: { id: 'ada' } }]);
    const asBob = await api.request<{ room: { raisedHands: unknown[]; audience: { totalCount: number; edges: { node: { handRaiseQuestion: string | null } }[] } } }>(
      query,
      { id: room.id },
      bob,
    );
    expect(asBob.data!.room.raisedHands).toEqual([]);
    expect(asBob.data!.room.audience.totalCount).toBe(2);
    expect(asBob.data!.room.audience.edges.every((edge) => edge.node.handRaiseQuestion === null)).toBe(true);

    const invited = await api.request(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "ada") { invitedToStageAt } }`, { id: room.id }, host);
    expect(invited.errors).toBeUndefined();
    const accepted = await api.request<{ acceptStageInvite: { role: string; handRaisedAt: string | null } }>(
      `mutation($id: ID!) { acceptStageInvite(roomId: $id) { role handRaisedAt } }`,
      { id: room.id },
      ada,
    );
    expect(accepted.data!.acceptStageInvite).toEqual({ role: 'SPEAKER', handRaisedAt: null });
    const refreshed = await api.request<{ refreshAudioAccess: { token: string; canPublish: boolean } }>(
      `mutation($id: ID!) { refreshAudioAccess(roomId: $id) { token canPublish } }`,
      { id: room.id },
      ada,
    );
    expect(refreshed.data!.refreshAudioAccess.canPublish).toBe(true);
    const speakerGrant = await verifyMediaToken(refreshed.data!.refreshAudioAccess.token, api.livekit.settings);
    expect(speakerGrant.video?.canPublish).toBe(true);
    expect(speakerGrant.video?.canPublishSources).toEqual(['microphone']);

    await api.request(`mutation($id: ID!) { muteParticipant(roomId: $id, profileId: "ada") { muted } }`, { id: room.id }, host);
    await api.request(`mutation($id: ID!) { moveToAudience(roomId: $id, profileId: "ada") { role } }`, { id: room.id }, host);
    const removed = await api.request<{ removeParticipant: { version: number; listenerCount: number } }>(
      `mutation($id: ID!) { removeParticipant(roomId: $id, profileId: "ada", ban: true) { version listenerCount } }`,
      { id: room.id },
      host,
    );
    expect(removed.data!.removeParticipant.listenerCount).toBe(1);

    const rejoin = await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, ada);
    expect(rejoin.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    const ended = await api.request<{ endRoom: { status: string; participantCount: number } }>(
      `mutation($id: ID!) { endRoom(roomId: $id) { status participantCount } }`,
      { id: room.id },
      host,
    );
    expect(ended.data!.endRoom).toEqual({ status: 'ENDED', participantCount: 0 });

    const expected = [
      'AudienceChanged', // ada joins
      'AudienceChanged', // bob joins (folded alone: the hand raised right after is a stage event)
      'HandRaised',
      'QuestionChanged', // the hand's question joins the room's question queue (issue 16)
      'StageInvitation',
      'RoleChanged',
      'QuestionChanged', // on stage, the hand is down: the question is no longer asked in person
      'ParticipantMuted',
      'RoleChanged',
      'ParticipantRemoved',
      'RoomStatusChanged',
    ];
    await events.count(expected.length);
    await events.until(() => events.completed, 'the stream to complete when the room ends');
    const received = events.items.map((item) => item.roomEvents);
    expect(received.map((event) => event.__typename)).toEqual(expected);
    received.forEach((event, index) => {
      expect(event.version).toBe(index + 1);
      expect(event.previousVersion).toBe(index);
    });
    expect(received[4]!.participant).toMatchObject({ role: 'SPEAKER', profile: { id: 'ada' } });
    // The host, as moderator, sees the question inside the live event too.
    expect(received[2]!.participant?.handRaiseQuestion).toBe('How do you shard?');
    expect(received[7]).toMatchObject({ profileId: 'ada', banned: true });
    expect(received[8]).toMatchObject({ status: 'ENDED' });
  });

  it('refuses a WebSocket without a token, and subscriptions to rooms the viewer may not join', async () => {
    const closed = await new Promise<{ code: number }>((resolve) => {
      const client = api.wsClient(null);
      client.on('closed', (event) => resolve(event as { code: number }));
      client.subscribe({ query: `subscription { roomEvents(roomId: "00000000-0000-4000-8000-000000000000") { version } }` }, {
        next: () => undefined,
        error: () => undefined,
        complete: () => undefined,
      });
    });
    expect(closed.code).toBe(4401);

    const privateRoom = await createRoom(host, { visibility: 'PRIVATE', inviteeIds: [] });
    const refused = new Collector<RoomEventResult>();
    api.wsClient(bob).subscribe({ query: EVENTS, variables: { roomId: privateRoom.id } }, refused.sink);
    await refused.until(() => refused.errors.length > 0, 'the subscription to be refused');
    expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
  });

  it('answers bad input with a contract code, no SQL or stack, and changes nothing', async () => {
    const room = await createRoom();
    const badId = await api.request(`mutation { joinRoom(roomId: "1; drop table rooms") { participant { id } } }`, {}, ada);
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomId' });
    const unknown = await api.request(`mutation { joinRoom(roomId: "00000000-0000-4000-8000-000000000000") { participant { id } } }`, {}, ada);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const longQuestion = 'x'.repeat(501);
    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, ada);
    const tooLong = await api.request(`mutation($id: ID!, $q: String) { raiseHand(roomId: $id, question: $q) { id } }`, { id: room.id, q: longQuestion }, ada);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
    const state = await api.request<{ room: { version: number; raisedHands: unknown[] } }>(
      `query($id: ID!) { room(id: $id) { version raisedHands { id } } }`,
      { id: room.id },
      host,
    );
    expect(state.data!.room).toEqual({ version: 1, raisedHands: [] });
    const invalidTitle = await api.request(`mutation { createRoom(input: { title: "   ", maxSpeakers: 99 }) { id } }`, {}, host);
    expect(invalidTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    for (const response of [badId, unknown, tooLong, invalidTitle]) {
      const text = JSON.stringify(response.errors);
      expect(text).not.toMatch(/select |insert into|update |stacktrace|\bat .*\.js:\d+/i);
    }
    const rooms = await api.request<{ rooms: { edges: unknown[] } }>(`{ rooms { edges { node { id } } } }`, {}, host);
    expect(rooms.data!.rooms.edges).toHaveLength(1);
  });

  it('lets the creator of a PRIVATE room rejoin after handing the host role to a moderator', async () => {
    await api.request(`{ viewer { id } }`, {}, ada); // invitees are existing profiles
    const room = await createRoom(host, { visibility: 'PRIVATE', inviteeIds: ['ada'] });
    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, ada);
    await api.request(`mutation($id: ID!) { inviteToStage(roomId: $id, profileId: "ada") { role } }`, { id: room.id }, host);
    await api.request(`mutation($id: ID!) { acceptStageInvite(roomId: $id) { role } }`, { id: room.id }, ada);
    await api.request(`mutation($id: ID!) { setModerator(roomId: $id, profileId: "ada", moderator: true) { role } }`, { id: room.id }, host);
    const left = await api.request<{ leaveRoom: { host: { id: string } } }>(`mutation($id: ID!) { leaveRoom(roomId: $id) { host { id } } }`, { id: room.id }, host);
    expect(left.data!.leaveRoom.host.id).toBe('ada');
    const rejoined = await api.request<{ joinRoom: { participant: { role: string } } }>(
      `mutation($id: ID!) { joinRoom(roomId: $id) { participant { role } } }`,
      { id: room.id },
      host,
    );
    expect(rejoined.errors).toBeUndefined();
    expect(rejoined.data!.joinRoom.participant.role).toBe('LISTENER');
    // Others still cannot see the room.
    const outsider = await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, bob);
    expect(outsider.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('replays from sinceVersion, and refuses a version the room has not reached', async () => {
    const room = await createRoom();
    await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: room.id }, ada);
    await api.request(`mutation($id: ID!) { raiseHand(roomId: $id) { id } }`, { id: room.id }, ada);

    const replay = new Collector<RoomEventResult>();
    api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId: room.id, since: 1 } }, replay.sink);
    await replay.count(1);
    expect(replay.items.map((item) => [item.roomEvents.__typename, item.roomEvents.version])).toEqual([['HandRaised', 2]]);

    const ahead = new Collector<RoomEventResult>();
    api.wsClient(host).subscribe({ query: EVENTS, variables: { roomId: room.id, since: 99 } }, ahead.sink);
    await ahead.until(() => ahead.errors.length > 0, 'the subscription to be refused');
    expect(JSON.stringify(ahead.errors)).toContain('"field":"sinceVersion"');
    expect(JSON.stringify(ahead.errors)).toContain('BAD_USER_INPUT');
  });
});

