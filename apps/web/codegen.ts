import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen`: types every `graphql(...)` document in apps/web/src against the served schema
// (apps/web/schema.graphql, printed by `npm run schema:print`). The output in src/gql is checked in,
// so a fresh clone type-checks without running this; a test fails when it is stale.
export const codegenConfig: CodegenConfig = {
  schema: 'apps/web/schema.graphql',
  documents: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx', '!apps/web/src/gql/**/*'],
  ignoreNoDocuments: false,
  hooks: { afterOneFileWrite: ['node apps/web/scripts/tidy-generated.mjs'] },
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // DateTime travels as an ISO-8601 string.
        scalars: { DateTime: 'string' },
        skipTypename: false,
        // Nullable result fields are `T | null`, never missing; optional inputs stay optional.
        avoidOptionals: { field: true, object: false, inputValue: false, defaultValue: false },
        nonOptionalTypename: true,
      },
    },
  },
};

export default codegenConfig;
