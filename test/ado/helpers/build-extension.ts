// The ADO tests run against what `npm run package` makes: the pages in dist/ado and the .vsix in
// dist/. They run the script when its output is missing or was made from other inputs (a content
// hash, see test/helpers/build-cache.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, TOOLCHAIN_INPUTS } from '../../helpers/build-cache';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const ADO_DIST = join(ROOT, 'dist', 'ado');
export const ADO_VITE_MANIFEST = join(ADO_DIST, '.vite', 'manifest.json');
export const EXTENSION_MANIFEST = join(ROOT, 'vss-extension.json');

interface ExtensionManifest {
  publisher: string;
  id: string;
  version: string;
}

export function vsixPath(): string {
  const m = JSON.parse(readFileSync(EXTENSION_MANIFEST, 'utf8')) as ExtensionManifest;
  return join(ROOT, 'dist', `${m.publisher}.${m.id}-${m.version}.vsix`);
}

/** The whole of src/ (see UI_INPUTS in test/browser/helpers/build-ui.ts for why), plus what the .vsix carries. */
export const EXTENSION_INPUTS = ['src', 'images', 'vss-extension.json', 'vite.ado.config.ts', ...TOOLCHAIN_INPUTS];

/** Runs `npm run package` (vite build of the pages, then tfx extension create) when needed. */
export async function ensureExtensionPackaged(): Promise<void> {
  await ensureBuilt({
    name: 'ado-package',
    root: ROOT,
    inputs: EXTENSION_INPUTS,
    outputs: () => [vsixPath(), ADO_VITE_MANIFEST],
    stateDir: join(ROOT, 'dist', '.build-inputs'),
    build: () => {
      const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NODE_ENV: 'production' } });
      if (run.status !== 0) throw new Error(`npm run package failed (${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
    },
  });
}
