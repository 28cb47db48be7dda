import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/** Module boundaries; `pureTestImports` are the packages tests of pure libraries may use. */
function boundaries(pureTestImports) {
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      // Apps never import apps; libraries never import apps.
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:domain'] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
      // The web client talks to the API over the network only; it may share the pure domain.
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
      // Pure libraries import no framework and do no I/O: no external packages at all.
      { sourceTag: 'purity:pure', allowedExternalImports: pureTestImports },
      // Trust and safety policy is pure too, but screening needs one matcher library: obscenity.
      {
        sourceTag: 'scope:moderation',
        onlyDependOnLibsWithTags: ['scope:shared'],
        allowedExternalImports: ['obscenity', ...pureTestImports],
      },
    ],
  };
}

const LIVEKIT_SDK_MESSAGE =
  'livekit-server-sdk is imported only in libs/audio: use the MediaControl port from @roundtable/audio (tests: @roundtable/audio/testing).';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp', '**/vite.config.*.timestamp*'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    // Project-level config files load the shared workspace presets by relative path on purpose.
    ignores: ['**/jest.config.js', '**/vite.config.*'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries([])],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // LiveKit stays behind the media-control port (libs/audio): nothing else imports its server
    // SDK, not even tests (they use `@roundtable/audio/testing`). Plain rules, not the Nx
    // boundary rule, so they hold even when no project graph is cached.
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    ignores: ['libs/audio/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'livekit-server-sdk', message: LIVEKIT_SDK_MESSAGE }],
          patterns: [{ group: ['livekit-server-sdk/*'], message: LIVEKIT_SDK_MESSAGE }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression[source.value=/^livekit-server-sdk/]', message: LIVEKIT_SDK_MESSAGE },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^livekit-server-sdk/]",
          message: LIVEKIT_SDK_MESSAGE,
        },
      ],
    },
  },
  {
    // Tests assert on responses they just checked; `!` there reads better than re-narrowing.
    files: ['**/*.spec.ts', '**/test/**/*.ts', '**/*.test-helper.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests of pure libraries may use the property-testing library; the code under test may not.
      '@nx/enforce-module-boundaries': ['error', boundaries(['fast-check'])],
    },
  },
  {
    // The web client's React components: the rules of hooks, and effects that list what they read.
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
