// Run by GraphQL Code Generator after it writes apps/web/src/gql (see apps/web/codegen.ts).
// The client preset opens every file with a blanket `/* eslint-disable */`. The lint runs with
// --max-warnings=0, so the unused one in graphql.ts would fail it, and the blanket one in gql.ts
// would hide more than the `any` the preset's overloads really need.
import { readFileSync, writeFileSync } from 'node:fs';

const BLANKET = '/* eslint-disable */\n';
const NARROW = {
  'gql.ts': '/* eslint-disable @typescript-eslint/no-explicit-any -- the preset types graphql() overloads with any */\n',
  'graphql.ts': '',
};

for (const file of process.argv.slice(2)) {
  const name = file.split(/[\\/]/).pop();
  if (!(name in NARROW)) continue;
  const text = readFileSync(file, 'utf8');
  if (text.startsWith(BLANKET)) writeFileSync(file, NARROW[name] + text.slice(BLANKET.length));
}
