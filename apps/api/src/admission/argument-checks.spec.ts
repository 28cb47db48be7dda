import { randomUUID } from 'node:crypto';

import { buildSchema, parse } from 'graphql';

import { rootFieldCost } from './admission';
import { findArgumentProblem } from './argument-checks';

const schema = buildSchema(`
  scalar DateTime
  input CreateRoomInput { title: String!, groupId: ID, inviteeIds: [ID!], scheduledFor: DateTime }
  input RoomFilter { groupId: ID }
  type Room { id: ID!, audience(first: Int = 50, after: String): Int }
  type Query { room(id: ID!): Room, rooms(filter: RoomFilter, first: Int = 20, after: String): [Room], recommendedRooms(first: Int): [Room] }
  type Mutation { createRoom(input: CreateRoomInput!): Room, follow(profileId: ID!): Room }
`);
const problem = (query: string, variables: Record<string, unknown> = {}) => findArgumentProblem(schema, parse(query), variables);
const cursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

describe('argument checks before execution', () => {
  it('checks page sizes anywhere in the document, fragments included', () => {
    expect(problem('{ rooms(first: 100) { id } }')).toBeNull();
    expect(problem('{ rooms(first: 101) { id } }')).toEqual({ field: 'first', message: 'first must be an integer between 0 and 100' });
    expect(problem('{ rooms { ...R } } fragment R on Room { audience(first: $n) }', { n: -1 })).toMatchObject({ field: 'first' });
  });

  it('checks cursors: decodable, timestamps PostgreSQL accepts, ids of a valid shape', () => {
    expect(problem(`{ rooms(after: "${cursor('2026-01-01T00:00:00.000Z', randomUUID())}") { id } }`)).toBeNull();
    expect(problem(`{ rooms(after: "${cursor('0000-01-01T00:00:00.000Z', randomUUID())}") { id } }`)).toMatchObject({ field: 'after' });
    expect(problem(`{ rooms(after: "${cursor('2026-01-01T00:00:00.000Z', 'has space')}") { id } }`)).toMatchObject({ field: 'after' });
    expect(problem('{ rooms(after: "%%%") { id } }')).toMatchObject({ field: 'after' });
  });

  it('checks ids by argument, and names nested fields as the services did', () => {
    expect(problem('{ room(id: "nope") { id } }')).toEqual({ field: 'id', message: 'id is not a valid id' });
    expect(problem('{ rooms(filter: { groupId: "nope" }) { id } }')).toMatchObject({ field: 'filter.groupId' });
    expect(problem('mutation { createRoom(input: { title: "t", inviteeIds: ["ok-id", "not ok"] }) { id } }')).toMatchObject({ field: 'inviteeIds' });
    expect(problem('mutation { follow(profileId: "someone@idp|42") { id } }')).toBeNull();
  });

  it('kind: an error names a field the client did not send — room(id:) was reported as roomId (given case); a variant over every way an id reaches the checks', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['{ room(id: "nope") { id } }', {}, 'id'],
      ['query($id: ID!) { room(id: $id) { id } }', { id: 'nope' }, 'id'],
      ['{ rooms(filter: { groupId: "nope" }) { id } }', {}, 'filter.groupId'],
      ['mutation { createRoom(input: { title: "t", groupId: "nope" }) { id } }', {}, 'groupId'],
      ['mutation { follow(profileId: "not ok") { id } }', {}, 'profileId'],
    ];
    for (const [query, variables, field] of cases) {
      const found = problem(query, variables);
      expect(found?.field).toBe(field);
      // The message names the same thing, and the document spells it: what the client sent.
      const leaf = field.split('.').pop() as string;
      expect(found?.message.startsWith(`${leaf} `)).toBe(true);
      expect(query).toContain(`${leaf}:`);
    }
  });

  it('checks DateTime ranges', () => {
    expect(problem('mutation($at: DateTime) { createRoom(input: { title: "t", scheduledFor: $at }) { id } }', { at: '2030-01-01T00:00:00Z' })).toBeNull();
    expect(problem('mutation($at: DateTime) { createRoom(input: { title: "t", scheduledFor: $at }) { id } }', { at: '+275760-09-13T00:00:00.000Z' })).toMatchObject({
      field: 'scheduledFor',
    });
  });

  it('counts root mutation fields and expensive reads, aliases and fragments included, each fragment once', () => {
    const mutation = parse('mutation { a: follow(profileId: "x") { id } b: follow(profileId: "y") { id } ...M } fragment M on Mutation { c: follow(profileId: "z") { id } }');
    const operation = mutation.definitions[0];
    if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
    expect(rootFieldCost(mutation, operation)).toEqual({ mutations: 3, expensiveReads: 0 });
    const query = parse('{ a: recommendedRooms { id } b: recommendedRooms { id } rooms { id } }');
    const queryOperation = query.definitions[0];
    if (queryOperation?.kind !== 'OperationDefinition') throw new Error('no operation');
    expect(rootFieldCost(query, queryOperation)).toEqual({ mutations: 0, expensiveReads: 2 });
  });
});
