import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, BreakingChangeType, findBreakingChanges, findDangerousChanges, printSchema } from 'graphql';

import { InProcessEventBus } from '../events/event-bus';
import { buildApiSchema } from './schema';

/**
 * The repository's own copy of the public contract (contract/), so a plain clone tests against
 * it; contract-copy.spec.ts checks that the copy matches ../shared/contract where that exists.
 */
const CONTRACT_PATH = resolve(__dirname, '..', '..', '..', '..', 'contract', 'schema.graphql');

/**
 * Contract fields that land with later issues. Each entry must be removed when its issue lands;
 * the test fails if a listed field is served (so the list cannot go stale).
 */
const NOT_YET_SERVED = ['Query.moderationQueue', 'Mutation.reportAbuse', 'Mutation.resolveReport'];

describe('public GraphQL contract', () => {
  it('the served schema is a superset of contract/schema.graphql', async () => {
    const contract = buildSchema(readFileSync(CONTRACT_PATH, 'utf8'));
    const served = await buildApiSchema(new InProcessEventBus());
    const breaking = findBreakingChanges(contract, served).map((change) => `${change.type}: ${change.description}`);
    const expected = NOT_YET_SERVED.map((coordinate) => {
      const [type, field] = coordinate.split('.');
      return `${BreakingChangeType.FIELD_REMOVED}: ${type}.${field} was removed.`;
    });
    expect(breaking.sort()).toEqual(expected.sort());
  });

  it('serves the contract interfaces, scalar and the types of later issues', async () => {
    const served = printSchema(await buildApiSchema(new InProcessEventBus()));
    for (const type of ['RoomEvent', 'Node', 'DateTime', 'RoomRecommendations', 'Report', 'ReportAbuseInput']) {
      expect(served).toContain(type);
    }
  });

  it('changes nothing the contract marks as dangerous except added enum values, types, optional arguments and optional input fields', async () => {
    const contract = buildSchema(readFileSync(CONTRACT_PATH, 'utf8'));
    const served = await buildApiSchema(new InProcessEventBus());
    // Adding RoomEvent implementations (StageInvitationDeclined, ParticipantUnmuted) and optional
    // arguments (roomEvents' sinceVersion) is expected; nothing else may be even "dangerous".
    const allowed = new Set(['IMPLEMENTED_INTERFACE_ADDED', 'OPTIONAL_ARG_ADDED', 'OPTIONAL_INPUT_FIELD_ADDED']);
    const dangerous = findDangerousChanges(contract, served).filter((change) => !allowed.has(change.type));
    expect(dangerous.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });
});
