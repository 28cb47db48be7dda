import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { handleEntryArguments } from '@roundtable/config';
import { lexicographicSortSchema, printSchema } from 'graphql';

import { InProcessEventBus } from '../events/event-bus';
import { buildApiSchema } from '../server/schema';

/** Repository root, from apps/api/src/cli (ts) and from dist/apps/api/cli (compiled) alike. */
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** The checked-in copy of the served schema that the web client's code generator reads. */
export const SERVED_SCHEMA_PATH = join(REPO_ROOT, 'apps', 'web', 'schema.graphql');

const HEADER = `# The schema the API serves, printed by \`npm run schema:print\` (apps/api/src/cli/print-schema.ts).
# Do not edit: a test fails when this file differs from the served schema.
# The public contract it must stay compatible with is ../shared/contract/schema.graphql.
`;

/**
 * The served schema as SDL, sorted by name so the file changes only when the schema does.
 * Built exactly as the server builds it (`buildApiSchema`), with an in-process bus that is never used.
 */
export async function printServedSchema(): Promise<string> {
  const schema = await buildApiSchema(new InProcessEventBus());
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

const HELP = `Prints the schema the API serves (SDL, sorted by name) to apps/web/schema.graphql, the file the
web client's code generator reads (npm run codegen) and a test compares with the served schema.

Usage: npm run schema:print

Takes no arguments. Needs no database: the schema is built as the server builds it.
`;

async function main(): Promise<void> {
  handleEntryArguments(HELP);
  const sdl = await printServedSchema();
  writeFileSync(SERVED_SCHEMA_PATH, sdl);
  process.stdout.write(`print-schema: wrote ${SERVED_SCHEMA_PATH} (${sdl.length} characters)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`print-schema: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
