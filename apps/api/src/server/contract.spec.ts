import { findBreakingChanges, findDangerousChanges, type GraphQLObjectType, printSchema } from 'graphql';

import { InProcessEventBus } from '../events/event-bus';
import { CONTRACT_FILES, type ContractFile, contractSchema as buildContractSchema, PENDING_EXTENSIONS, SERVED_CONTRACT_FILES } from './contract-files';
import { buildApiSchema } from './schema';

/** The contract the served schema must keep today: every file but the pending extensions. */
const contractSchema = () => buildContractSchema(SERVED_CONTRACT_FILES);

describe(`public GraphQL contract (${SERVED_CONTRACT_FILES.join(' + ')})`, () => {
  it('the served schema is a superset of every served contract file: no breaking change, nothing excluded', async () => {
    const served = await buildApiSchema(new InProcessEventBus());
    const breaking = findBreakingChanges(contractSchema(), served).map((change) => `${change.type}: ${change.description}`);
    expect(breaking).toEqual([]);
  });

  it('serves the contract interfaces, scalar and the trust-and-safety types', async () => {
    const served = printSchema(await buildApiSchema(new InProcessEventBus()));
    for (const type of ['RoomEvent', 'Node', 'DateTime', 'RoomRecommendations', 'Report', 'ReportEvidence', 'ModerationNotice', 'ModerationLogEntry', 'AppealConnection']) {
      expect(served).toContain(`${type}`);
    }
  });

  it('changes nothing the contract marks as dangerous except added enum values, types, optional arguments and optional input fields', async () => {
    const served = await buildApiSchema(new InProcessEventBus());
    // Adding RoomEvent implementations (StageInvitationDeclined, ParticipantUnmuted) and optional
    // arguments (roomEvents' sinceVersion) is expected; nothing else may be even "dangerous".
    const allowed = new Set(['IMPLEMENTED_INTERFACE_ADDED', 'OPTIONAL_ARG_ADDED', 'OPTIONAL_INPUT_FIELD_ADDED']);
    const dangerous = findDangerousChanges(contractSchema(), served).filter((change) => !allowed.has(change.type));
    expect(dangerous.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it('serves Relay PageInfo whole: hasPreviousPage and startCursor beside hasNextPage and endCursor', async () => {
    const served = await buildApiSchema(new InProcessEventBus());
    const fields = (served.getType('PageInfo') as GraphQLObjectType).getFields();
    expect(Object.keys(fields).sort()).toEqual(['endCursor', 'hasNextPage', 'hasPreviousPage', 'startCursor']);
  });
});

describe('pending contract extensions (issues not landed yet)', () => {
  it('names only real extension files, never schema.graphql or trust-and-safety.graphql', () => {
    for (const file of Object.keys(PENDING_EXTENSIONS)) {
      expect(CONTRACT_FILES).toContain(file);
      expect(['schema.graphql', 'trust-and-safety.graphql']).not.toContain(file);
    }
  });

  it.each(Object.keys(PENDING_EXTENSIONS))('%s is not yet wholly served, so it still belongs on the pending list', async (file) => {
    const served = await buildApiSchema(new InProcessEventBus());
    // An extension may use an earlier one's types (audience.graphql's ReactionCount), so each is
    // read with every file before it, and only what it adds itself is counted.
    const before = CONTRACT_FILES.slice(0, CONTRACT_FILES.indexOf(file as ContractFile));
    const missing = (files: readonly ContractFile[]) =>
      new Set(findBreakingChanges(buildContractSchema(files), served).map((change) => change.description));
    const withoutIt = missing(before);
    const ownMissing = [...missing([...before, file as ContractFile])].filter((description) => !withoutIt.has(description));
    expect(ownMissing.length).toBeGreaterThan(0);
  });
});
