// Issue 6, fault 12: stale reads between mutation fields. `mutation { a: joinRoom(roomId:R){…}
// b: leaveRoom(roomId:R){ listenerCount } }` reported listenerCount 1 where a fresh read gives 0:
// the request's DataLoaders were never cleared between serial root mutation fields. Each root
// mutation field now starts with a fresh request scope (EntityManager fork and DataLoaders).
import { wsExecute } from '../support/graphql-helpers';
import { tokenFor } from '../support/test-api';
import { createLiveRoom, useHardeningApi } from './support/hardening';

describe('each root mutation field sees the writes before it', () => {
  const { api } = useHardeningApi();
  let roomId: string;

  beforeAll(async () => {
    await api.clear();
    roomId = await createLiveRoom(api, await tokenFor('stale-host'));
  });

  const JOIN_THEN_LEAVE = `mutation($r: ID!) {
    a: joinRoom(roomId: $r) { participant { room { listenerCount } } }
    b: leaveRoom(roomId: $r) { listenerCount }
  }`;

  it('the issue case: joinRoom then leaveRoom in one mutation reports 1 then 0 listeners, over HTTP and WebSocket', async () => {
    const overHttp = await api.request<{ a: { participant: { room: { listenerCount: number } } }; b: { listenerCount: number } }>(
      JOIN_THEN_LEAVE,
      { r: roomId },
      await tokenFor('stale-listener'),
    );
    expect(overHttp.errors).toBeUndefined();
    expect(overHttp.data?.a.participant.room.listenerCount).toBe(1);
    expect(overHttp.data?.b.listenerCount).toBe(0);

    const client = api.wsClient(await tokenFor('stale-ws-listener'));
    const overWs = await wsExecute<{ a: { participant: { room: { listenerCount: number } } }; b: { listenerCount: number } }>(client, JOIN_THEN_LEAVE, { r: roomId });
    expect(overWs.data?.a.participant.room.listenerCount).toBe(1);
    expect(overWs.data?.b.listenerCount).toBe(0);
    await client.dispose();
  });

  it('variant: follow then unfollow in one mutation reports 1 then 0 followers', async () => {
    await api.request(`{ viewer { id } }`, {}, await tokenFor('stale-followee'));
    const response = await api.request<{ a: { followerCount: number }; b: { followerCount: number } }>(
      `mutation { a: follow(profileId: "stale-followee") { followerCount } b: unfollow(profileId: "stale-followee") { followerCount } }`,
      {},
      await tokenFor('stale-follower'),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ a: { followerCount: 1 }, b: { followerCount: 0 } });
  });
});
