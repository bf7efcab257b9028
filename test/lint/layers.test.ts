// The layer rule is an allow-list: each folder of src/ imports only what eslint.config.js names
// for it, so a new folder or a new platform package is refused until someone allows it there.
// Linted through ESLint's own API with the repository's config, as `npm run lint` does.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The layer rule needs no types: without the type-aware parser, files that do not exist yet
// (src/linear/) can be linted too, and quickly.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: join(ROOT, 'eslint.config.js'),
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

/** The layer-rule messages for `code` as if it were the file `file` (which need not exist). */
async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  const messages = result?.messages ?? [];
  // A parse error would hide the rule under test: fail loudly instead.
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.filter((m) => m.ruleId === 'harmony/layers').map((m) => m.message);
}

// Where the text is linted as if it were; the text is the test's own.
const CORE = 'src/core/index.ts';
const APP = 'src/app/api.ts';
const UI = 'src/ui/format/numbers.ts';

describe('layers are allow-lists', () => {
  test('core importing a new folder of src/ is refused', async () => {
    const problems = await layerProblems(CORE, "import { x } from '../linear/x';\nexport const y = x;\n");
    expect(problems).toEqual([expect.stringMatching(/^src\/core may not import src\/linear\/x .*pure domain/)]);
  });

  test('core importing node:fs is refused', async () => {
    expect(await layerProblems(CORE, "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toEqual([
      expect.stringMatching(/^src\/core may not import the package "node:fs"/),
    ]);
  });

  test('ui importing a platform package is refused', async () => {
    expect(await layerProblems(UI, "import { invoke } from '@forge/bridge';\nexport const i = invoke;\n")).toEqual([
      expect.stringMatching(/^src\/ui may not import the package "@forge\/bridge"/),
    ]);
  });

  test('ui may see the app API but not the rest of the app', async () => {
    expect(await layerProblems(UI, "import type { ApiClient } from '../../app/api';\nexport type C = ApiClient;\n")).toEqual([]);
    expect(await layerProblems(UI, "import { createApp } from '../../app/create-app';\nexport const c = createApp;\n")).toEqual([
      expect.stringMatching(/^src\/ui may not import src\/app\/create-app/),
    ]);
  });

  test('app importing core is allowed; app importing an adapter, a re-export or a lazy import of one is not', async () => {
    expect(await layerProblems(APP, "import type { Plan } from '../core';\nexport type P = Plan;\n")).toEqual([]);
    const problems = await layerProblems(
      APP,
      "export { SqliteDocumentStore } from '../stores/sqlite-document-store';\nexport * from '../trackers/jira/config';\nexport const load = () => import('../workbench/main');\n",
    );
    expect(problems).toHaveLength(3);
  });

  test('a package is matched by name, subpaths included; a bare Node builtin is not a node: one', async () => {
    expect(await layerProblems(UI, "import { createRoot } from 'react-dom/client';\nexport const c = createRoot;\n")).toEqual([]);
    expect(await layerProblems('src/cli/main.ts', "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n")).toEqual([]);
    expect(await layerProblems('src/cli/main.ts', "import { readFile } from 'fs/promises';\nexport const r = readFile;\n")).toEqual([
      expect.stringMatching(/^src\/cli may not import the package "fs"/),
    ]);
  });

  test('a folder of src/ without a rule may import nothing until it gets one', async () => {
    expect(await layerProblems('src/linear/client.ts', "import type { Plan } from '../core';\nexport type P = Plan;\n")).toEqual([
      expect.stringMatching(/^src\/linear has no layer rule: add it to LAYERS in eslint\.config\.js/),
    ]);
  });

  test('a file outside src/ only where named: the CLI reads package.json, core may not', async () => {
    const code = "import pkg from '../../package.json';\nexport const v = pkg.version;\n";
    expect(await layerProblems('src/cli/version.ts', code)).toEqual([]);
    expect(await layerProblems('src/core/version.ts', code)).toEqual([expect.stringMatching(/^src\/core may not import "\.\.\/\.\.\/package\.json" \(outside src\/\)/)]);
  });

  test('imports within a folder are its own business', async () => {
    expect(await layerProblems(CORE, "export { evaluate } from './report/evaluate';\n")).toEqual([]);
  });
});
