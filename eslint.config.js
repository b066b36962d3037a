// Lint rules, and the part of DESIGN.md's dependency rule that is not about imports: src/core uses no Node
// globals. The import rules (core imports only core, adapters never import the edge, no cycles...) are
// dependency-cruiser's, which also sees dynamic import(): .dependency-cruiser.cjs, run by `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Node's own globals. Web-standard ones (TextEncoder, URL, crypto.subtle, atob, setTimeout) stay allowed:
 * they exist in every runtime the core may run in.
 */
const NODE_GLOBALS = [
  'Buffer',
  'process',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'dist/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // CommonJS configuration files (.dependency-cruiser.cjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...NODE_GLOBALS.map((name) => ({
          name,
          message: 'src/core uses no Node globals: take it from a port, or use a web-standard API.',
        })),
      ],
      // The same globals reached through globalThis.
      'no-restricted-properties': [
        'error',
        ...NODE_GLOBALS.map((property) => ({
          object: 'globalThis',
          property,
          message: 'src/core uses no Node globals.',
        })),
      ],
    },
  },
  {
    // Small files, named after their export: a file past 300 lines does more than one thing. Generated code aside.
    files: [
      'src/**/*.ts',
      'resolvers/**/*.ts',
      'local/**/*.ts',
      'infra/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'bin/**/*.js',
      'console/src/**/*.ts',
    ],
    ignores: ['src/client/generated.ts', 'src/client/schemaTypes.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
);
