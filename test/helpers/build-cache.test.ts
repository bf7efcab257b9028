// The test builds' cache is keyed on what the output is made from, not on file times: a touched
// file does not rebuild, changed contents (package-lock.json included) do, a missing output does,
// a failed build leaves no stamp, and a lock left by a dead process does not block the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ensureBuilt, inputsDigest, TOOLCHAIN_INPUTS, type BuildSpec } from './build-cache';
import { UI_INPUTS } from '../browser/helpers/build-ui';
import { FORGE_UI_INPUTS } from '../browser/helpers/build-forge';
import { EXTENSION_INPUTS } from '../ado/helpers/build-extension';

let root: string;
let builds: number;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'harmony-build-cache-'));
  mkdirSync(join(root, 'src', 'ui'), { recursive: true });
  writeFileSync(join(root, 'src', 'ui', 'App.tsx'), 'export const App = 1;\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  builds = 0;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const spec = (overrides: Partial<BuildSpec> = {}): BuildSpec => ({
  name: 'pages',
  root,
  inputs: ['src', 'package-lock.json', 'missing-config.ts'],
  outputs: () => [join(root, 'out', 'manifest.json')],
  stateDir: join(root, 'state'),
  build: () => {
    builds++;
    mkdirSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'out', 'manifest.json'), '{}');
  },
  ...overrides,
});

describe('inputsDigest', () => {
  test('follows contents and paths, not file times', () => {
    const before = inputsDigest(root, ['src', 'package-lock.json']);
    const future = new Date(Date.UTC(2100, 0, 1));
    utimesSync(join(root, 'src', 'ui', 'App.tsx'), future, future);
    expect(inputsDigest(root, ['src', 'package-lock.json'])).toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(inputsDigest(root, ['src', 'package-lock.json'])).not.toBe(before);
  });

  test('a renamed file is a different input', () => {
    const before = inputsDigest(root, ['src']);
    rmSync(join(root, 'src', 'ui', 'App.tsx'));
    writeFileSync(join(root, 'src', 'ui', 'Main.tsx'), 'export const App = 1;\n');
    expect(inputsDigest(root, ['src'])).not.toBe(before);
  });
});

describe('ensureBuilt', () => {
  test('builds once, then serves the cache until an input changes', async () => {
    expect(await ensureBuilt(spec())).toBe('built');
    expect(await ensureBuilt(spec())).toBe('cached');
    // A newer file time alone (a checkout, a restored cache) is no reason to rebuild...
    const future = new Date(Date.UTC(2100, 0, 1));
    utimesSync(join(root, 'src', 'ui', 'App.tsx'), future, future);
    expect(await ensureBuilt(spec())).toBe('cached');
    // ...new contents are, in the sources and in package-lock.json alike.
    writeFileSync(join(root, 'src', 'ui', 'App.tsx'), 'export const App = 2;\n');
    expect(await ensureBuilt(spec())).toBe('built');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"":{}}}\n');
    expect(await ensureBuilt(spec())).toBe('built');
    expect(builds).toBe(3);
  });

  test('rebuilds when an output is gone', async () => {
    await ensureBuilt(spec());
    rmSync(join(root, 'out'), { recursive: true });
    expect(await ensureBuilt(spec())).toBe('built');
  });

  test('a failed build leaves no stamp and no lock: the next run builds again', async () => {
    await ensureBuilt(spec());
    writeFileSync(join(root, 'src', 'ui', 'App.tsx'), 'broken');
    await expect(ensureBuilt(spec({ build: () => { throw new Error('vite build failed'); } }))).rejects.toThrow('vite build failed');
    expect(existsSync(join(root, 'state', 'pages.lock'))).toBe(false);
    expect(await ensureBuilt(spec())).toBe('built');
  });

  test('takes over a lock whose process has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    mkdirSync(join(root, 'state'));
    writeFileSync(join(root, 'state', 'pages.lock'), String(ended));
    expect(await ensureBuilt(spec())).toBe('built');
    expect(existsSync(join(root, 'state', 'pages.lock'))).toBe(false);
  });
});

test('every test build is keyed on package-lock.json, its sources and its config', () => {
  for (const inputs of [UI_INPUTS, FORGE_UI_INPUTS, EXTENSION_INPUTS]) {
    expect(inputs).toEqual(expect.arrayContaining(['src', ...TOOLCHAIN_INPUTS]));
    expect(inputs.some((i) => /^vite\..*config\.ts$/.test(i))).toBe(true);
  }
  expect(TOOLCHAIN_INPUTS).toContain('package-lock.json');
});
