// ESLint flat config: typed rules for all TypeScript; generated code is checked by codegen:check instead.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      'graph/neo4j-launcher/target/',
      'resolvers/__generated__/',
      'coverage/',
      'dist/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through graph/config.ts only.' },
      ],
    },
  },
  // Config parsing, and the test setup that hands the test Neo4j's URI to the workers, may touch the environment.
  { files: ['graph/config.ts', 'tests/**/*.ts'], rules: { 'no-restricted-properties': 'off' } },
  // The browser front-ends (typed by scripts/web/tsconfig.json), and their build scripts, which run in Node.
  {
    files: ['scripts/web/{ide,explore,shared}/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  { files: ['scripts/web/*.{ts,mts}'], languageOptions: { globals: globals.node } },
  { files: ['**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
