// Type-checked lint, zero warnings, and the layer rule of ARCHITECTURE.md:
// core <- app <- adapters (trackers, stores) <- hosts (forge, ado, cli, workbench); ui sees core + app API only.
//
// Layers are allow-lists: each folder of src/ names the folders of src/ and the packages it may
// import, and everything else is refused, so a new folder (src/linear/) or a new platform package
// is refused until someone decides where it belongs and says so here.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SRC = path.join(import.meta.dirname, 'src');

/**
 * Per folder of src/: `src` lists folders (or single modules, `app/api`) of src/ besides its own,
 * `packages` the packages (`node:*` and `@scope/*` stand for families), `files` files of the
 * repository outside src/ (`package.json`), `why` the layer's rule.
 */
export const LAYERS = {
  core: { src: [], packages: ['zod', 'yaml'], why: 'src/core is the pure domain: no I/O, no platform, no React, no outer layer' },
  app: { src: ['core'], packages: ['zod'], why: 'src/app is host-neutral: it talks to the world only through the core ports' },
  trackers: {
    src: ['core'],
    packages: ['azure-devops-node-api', '@atlassianlabs/jql-ast'],
    why: 'adapters see the core, never the app, other adapters, hosts or UI',
  },
  stores: {
    src: ['core'],
    packages: ['node:crypto', 'node:path', 'better-sqlite3', '@forge/kvs', 'azure-devops-extension-api'],
    why: 'adapters see the core, never the app, other adapters, hosts or UI',
  },
  ui: { src: ['core', 'app/api'], packages: ['react', 'react-dom'], why: 'src/ui sees only the core and the app API (through a host client), never a platform' },
  forge: {
    src: ['core', 'app', 'trackers', 'stores', 'ui'],
    packages: ['react', 'react-dom', 'zod', 'node:crypto', '@forge/api', '@forge/resolver', '@forge/bridge'],
    why: 'the Forge host wires the layers below it to Forge',
  },
  ado: {
    src: ['core', 'app', 'trackers', 'stores', 'ui'],
    packages: ['react', 'react-dom', 'yaml', 'azure-devops-extension-api', 'azure-devops-extension-sdk', 'node:fs', 'node:zlib'],
    why: 'the Azure DevOps host wires the layers below it to the extension SDK',
  },
  cli: {
    src: ['core', 'app', 'trackers', 'stores'],
    packages: ['node:*', 'yaml'],
    // `okr --version` reads the package's version.
    files: ['package.json'],
    why: 'the command line is a Node host over the layers below it, without UI',
  },
  workbench: {
    src: ['core', 'app', 'trackers', 'stores', 'ui'],
    packages: ['node:*', 'react', 'react-dom', '@atlassianlabs/jql-ast'],
    why: 'the workbench is a Node host (and its pages) over the layers below it',
  },
};

const matches = (pattern, name) => (pattern.endsWith('/*') || pattern.endsWith(':*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);

/** `react-dom/client` → `react-dom`, `@forge/api/x` → `@forge/api`, `node:fs/promises` → `node:fs`. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const layerRule = {
  meta: {
    type: 'problem',
    docs: { description: 'each folder of src/ imports only what its allow-list in eslint.config.js names' },
    schema: [],
  },
  create(context) {
    const own = path.relative(SRC, context.filename).split(path.sep);
    if (own[0] === '..' || own.length < 2) return {};
    const layer = own[0];
    const rule = Object.hasOwn(LAYERS, layer) ? LAYERS[layer] : undefined;
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      const report = (what, allowed) =>
        context.report({
          node: source,
          message: rule
            ? `src/${layer} may not import ${what}: ${rule.why}. It may import ${allowed}; change the allow-list in eslint.config.js (LAYERS) only with a reason.`
            : `src/${layer} has no layer rule: add it to LAYERS in eslint.config.js, naming what it may import.`,
        });
      if (specifier.startsWith('.')) {
        const resolved = path.resolve(path.dirname(context.filename), specifier);
        const target = path.relative(SRC, resolved).split(path.sep).join('/');
        if (target.startsWith('../')) {
          const file = path.relative(path.dirname(SRC), resolved).split(path.sep).join('/');
          if (rule?.files?.includes(file)) return;
          return report(`"${specifier}" (outside src/)`, describe(rule));
        }
        if (target.split('/')[0] === layer) return;
        if (rule && rule.src.some((allowed) => target === allowed || target.startsWith(`${allowed}/`) || target.startsWith(`${allowed}.`))) return;
        return report(`src/${target} ("${specifier}")`, describe(rule));
      }
      const name = packageOf(specifier);
      if (rule && rule.packages.some((pattern) => matches(pattern, name))) return;
      report(`the package "${name}"`, describe(rule));
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

function describe(rule) {
  if (!rule) return 'nothing yet';
  const src = rule.src.length ? rule.src.map((s) => `src/${s}`).join(', ') : 'no other folder of src/';
  const files = rule.files?.length ? `; files: ${rule.files.join(', ')}` : '';
  return `${src}; packages: ${rule.packages.join(', ') || 'none'}${files}`;
}

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
    files: ['src/**'],
    plugins: { harmony: { rules: { layers: layerRule } } },
    rules: { 'harmony/layers': 'error' },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
