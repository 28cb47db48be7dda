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
