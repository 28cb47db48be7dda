// Found by the rights-lost-mid-session property (issue 15) — kind: what a viewer may read decided by
// how the client spelled its request. The subscription fan-out read the viewer's role in the room
// from a variable that had to be called `$roomId`: a moderator whose document said `$r`, or wrote
// the room's id inline, was taken for someone outside the room and never saw the questions on
// raised hands. The role now comes from the room of the stream itself.
import { okOn } from './support/graphql-helpers';
import { Collector, roomSubscribersReach, tokenFor, useTestApi } from './support/test-api';
import { OPS } from './support/trust-and-safety-operations';

type Item = { roomEvents: { __typename: string; participant?: { handRaiseQuestion: string | null } } };

describe('kind: what a viewer may read decided by how the client spelled its request', () => {
  const api = useTestApi();
  const ok = okOn(api);

  async function roomWithModeratorAndListener(prefix: string) {
    await api.clear();
    const [host, mod, lee] = await Promise.all([tokenFor(`${prefix}-host`), tokenFor(`${prefix}-mod`), tokenFor(`${prefix}-lee`)]);
    const { createRoom } = await ok<{ createRoom: { id: string } }>(OPS.createRoom, { title: 'Spelling' }, host);
    const roomId = createRoom.id;
    for (const token of [mod, lee]) await ok(OPS.joinRoom, { r: roomId }, token);
    await ok(OPS.inviteToStage, { r: roomId, p: `${prefix}-mod` }, host);
    await ok(OPS.acceptStageInvite, { r: roomId }, mod);
    await ok(`mutation($r: ID!, $p: ID!) { setModerator(roomId: $r, profileId: $p, moderator: true) { id } }`, { r: roomId, p: `${prefix}-mod` }, host);
    return { roomId, mod, lee };
  }

  async function questionSeenBy(token: string, roomId: string, request: { query: string; variables: Record<string, unknown> }, lee: string): Promise<(string | null)[]> {
    const stream = new Collector<Item>();
    const client = api.wsClient(token);
    client.subscribe(request, stream.sink);
    await roomSubscribersReach(api, roomId, 1);
    await ok(OPS.raiseHand, { r: roomId, q: 'What about sharding?' }, lee);
    await stream.until(() => stream.items.some((item) => item.roomEvents.__typename === 'HandRaised'), 'the HandRaised event');
    await client.dispose();
    return stream.items.filter((item) => item.roomEvents.__typename === 'HandRaised').map((item) => item.roomEvents.participant?.handRaiseQuestion ?? null);
  }

  it('given case: a moderator whose subscription names its variable $r sees the question on a raised hand', async () => {
    const { roomId, mod, lee } = await roomWithModeratorAndListener('spell');
    const query = `subscription($r: ID!) { roomEvents(roomId: $r) { __typename ... on HandRaised { participant { handRaiseQuestion } } } }`;
    expect(await questionSeenBy(mod, roomId, { query, variables: { r: roomId } }, lee)).toEqual(['What about sharding?']);
  });

  it("variant: the room's id written inline in the document (no variable at all), in capitals", async () => {
    const { roomId, mod, lee } = await roomWithModeratorAndListener('spellv');
    const query = `subscription { roomEvents(roomId: "${roomId.toUpperCase()}") { __typename ... on HandRaised { participant { handRaiseQuestion } } } }`;
    expect(await questionSeenBy(mod, roomId, { query, variables: {} }, lee)).toEqual(['What about sharding?']);
  });
});
