import { findBreakingChanges, findDangerousChanges, type GraphQLObjectType, printSchema } from 'graphql';

import { InProcessEventBus } from '../events/event-bus';
import {
  changeConcerns,
  CONTRACT_FILES,
  type ContractFile,
  contractSchema as buildContractSchema,
  PENDING_EXTENSIONS,
  SERVED_CONTRACT_FILES,
  SERVED_PARTS_OF_PENDING,
} from './contract-files';
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

  // Registered only while some pending file is partly served (Jest refuses an empty table).
  const partlyServed = Object.entries(SERVED_PARTS_OF_PENDING);
  if (partlyServed.length > 0) it.each(partlyServed)('the served parts of %s keep the contract (no breaking change names them)', async (file, parts) => {
    const served = await buildApiSchema(new InProcessEventBus());
    const before = CONTRACT_FILES.slice(0, CONTRACT_FILES.indexOf(file as ContractFile));
    const breaking = findBreakingChanges(buildContractSchema([...before, file as ContractFile]), served).map((change) => change.description);
    expect(breaking.filter((description) => (parts ?? []).some((part) => changeConcerns(description, part)))).toEqual([]);
    // Each part is really there: a type, or a field of a type.
    for (const part of parts ?? []) {
      const [typeName, fieldName] = part.split('.') as [string, string | undefined];
      const type = served.getType(typeName);
      expect({ part, served: type !== undefined && type !== null }).toEqual({ part, served: true });
      if (fieldName !== undefined) expect({ part, served: fieldName in (type as GraphQLObjectType).getFields() }).toEqual({ part, served: true });
    }
  });

  it('every contract file is served once its issues landed: today none is pending (issues 18 and 19 served audience.graphql)', () => {
    expect(SERVED_CONTRACT_FILES).toEqual(CONTRACT_FILES);
  });

  // Registered only while some file is pending (Jest refuses an empty table).
  const pending = Object.keys(PENDING_EXTENSIONS);
  if (pending.length > 0) it.each(pending)('%s is not yet wholly served, so it still belongs on the pending list', async (file) => {
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
