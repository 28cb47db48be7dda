// Moderators take down a raised hand (issue 10: "a moderator cannot dismiss a hand").
import { codeOf, storedEvents } from './support/graphql-helpers';
import { tokenFor, useTestApi } from './support/test-api';

describe('dismissHand', () => {
  const api = useTestApi();


  it('the host and moderators dismiss a raised hand; a listener is refused and nothing changes', async () => {
    await api.clear();
    const [host, ann, bob] = await Promise.all([tokenFor('dismiss-host'), tokenFor('dismiss-ann'), tokenFor('dismiss-bob')]);
    const created = await api.request<{ createRoom: { id: string } }>(`mutation { createRoom(input: { title: "Hands" }) { id } }`, {}, host);
    const roomId = created.data!.createRoom.id;
    for (const token of [ann, bob]) await api.request(`mutation($id: ID!) { joinRoom(roomId: $id) { participant { id } } }`, { id: roomId }, token);
    await api.request(`mutation($id: ID!) { raiseHand(roomId: $id, question: "Off topic?") { id } }`, { id: roomId }, ann);
    const dismiss = `mutation($id: ID!) { dismissHand(roomId: $id, profileId: "dismiss-ann") { handRaisedAt handRaiseQuestion } }`;

    const before = await storedEvents(api, roomId);
    const refused = await api.request(dismiss, { id: roomId }, bob);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await storedEvents(api, roomId)).toEqual(before);

    const done = await api.request<{ dismissHand: { handRaisedAt: string | null; handRaiseQuestion: string | null } }>(dismiss, { id: roomId }, host);
    expect(done.errors).toBeUndefined();
    expect(done.data!.dismissHand).toEqual({ handRaisedAt: null, handRaiseQuestion: null });
    // The hand comes down; its question stays in the queue, no longer asked in person (issue 16).
    const [lowered, question] = (await storedEvents(api, roomId)).slice(-2);
    expect(lowered).toMatchObject({ type: 'HandLowered', payload: { participant: { profileId: 'dismiss-ann' } } });
    expect(question).toMatchObject({ type: 'QuestionChanged', payload: { question: { askerId: 'dismiss-ann', status: 'OPEN', askInPerson: false } } });
    const hands = await api.request<{ room: { raisedHands: unknown[] } }>(`query($id: ID!) { room(id: $id) { raisedHands { id } } }`, { id: roomId }, host);
    expect(hands.data!.room.raisedHands).toEqual([]);
  });
});
