// Type-checked lint, zero warnings, and the layer rule of ARCHITECTURE.md:
// core <- app <- adapters (trackers, stores) <- hosts (forge, ado, cli, workbench); ui sees core + app only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (...names) => names.flatMap((n) => [`**/${n}/**`, `../${n}`, `../../${n}`, `../${n}/*`, `../../${n}/*`]);
const platformModules = ['node:*', 'fs', 'http', 'https', 'net', 'child_process', 'react', 'react-dom', '@forge/*', 'azure-devops-*', 'better-sqlite3'];

const restrict = (patterns, why) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message: why }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'static/', 'build/', 'docs/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict([...platformModules, ...layer('app', 'trackers', 'stores', 'forge', 'ado', 'ui', 'cli', 'workbench')],
      'src/core is the pure domain: no I/O, no platform, no React, no outer layer.'),
  },
  {
    files: ['src/app/**'],
    rules: restrict([...platformModules, ...layer('trackers', 'stores', 'forge', 'ado', 'ui', 'cli', 'workbench')],
      'src/app is host-neutral: it talks to the world only through the core ports.'),
  },
  {
    files: ['src/trackers/**', 'src/stores/**'],
    rules: restrict(layer('forge', 'ado', 'ui', 'cli', 'workbench'), 'adapters must not depend on hosts or UI.'),
  },
  {
    files: ['src/ui/**'],
    rules: restrict(['node:*', 'fs', 'http', 'better-sqlite3', ...layer('trackers', 'stores', 'forge', 'ado', 'cli', 'workbench')],
      'src/ui sees only core types and the app API (through a host client).'),
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
