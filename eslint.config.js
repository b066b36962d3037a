// Lint rules plus the dependency rule from DESIGN.md, enforced with import restrictions per folder:
// src/core imports only src/core; adapters never import resolvers/, infra/ or local/; nothing imports test/
// from shipped code; shipped code never imports ../shared (users do not have it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NEVER_FROM_SHIPPED = [
  { group: ['**/test/**', '../test/*', '../../test/*'], message: 'Shipped code must not import test code.' },
  { group: ['**/shared/**'], message: 'Shipped code must not import ../shared: users do not have it.' },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'dist/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          // src/core is flat: any specifier that is not './x' leaves it (a package, node:, or ../).
          { regex: '^(?!\\./[^/]+$)', message: 'src/core imports only src/core.' },
          ...NEVER_FROM_SHIPPED,
        ],
      }],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/resolvers/**', '**/infra/**', '**/local/**'], message: 'Adapters never import resolvers/, infra/ or local/.' },
          ...NEVER_FROM_SHIPPED,
        ],
      }],
    },
  },
  {
    files: ['src/**/*.ts', 'resolvers/**/*.ts', 'local/**/*.ts', 'infra/**/*.ts', 'bin/**/*.js'],
    ignores: ['src/core/**', 'src/adapters/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: NEVER_FROM_SHIPPED }] },
  },
);
