import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildSchema, findBreakingChanges, findDangerousChanges, printSchema } from 'graphql';

import { InProcessEventBus } from '../events/event-bus';
import { buildApiSchema } from './schema';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * The public contract: the repository's own copy (`contract/`) when it has one, else the shared
 * original beside the repository (`../shared/contract/`). Both files, read together: the
 * trust-and-safety file extends schema.graphql.
 */
function contractDirectory(): string {
  const own = resolve(REPO_ROOT, 'contract');
  return existsSync(resolve(own, 'trust-and-safety.graphql')) ? own : resolve(REPO_ROOT, '..', 'shared', 'contract');
}

const CONTRACT_FILES = ['schema.graphql', 'trust-and-safety.graphql'];

function contractSchema() {
  const directory = contractDirectory();
  return buildSchema(CONTRACT_FILES.map((file) => readFileSync(resolve(directory, file), 'utf8')).join('\n'));
}

describe('public GraphQL contract (schema.graphql + trust-and-safety.graphql)', () => {
  it('the served schema is a superset of both contract files: no breaking change, nothing excluded', async () => {
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
});
