// The browser tests run against the built pages. They build them when the build is missing or
// was made from other inputs (a content hash, see test/helpers/build-cache.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, TOOLCHAIN_INPUTS } from '../../helpers/build-cache';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const STATIC_DIR = join(ROOT, 'static', 'workbench');
export const MANIFEST = join(STATIC_DIR, '.vite', 'manifest.json');

/**
 * The whole of src/, not the folders the pages import today: a rebuild now and then is cheaper
 * than a test passing against pages built from yesterday's code.
 */
export const UI_INPUTS = ['src', 'vite.config.ts', ...TOOLCHAIN_INPUTS];

export async function ensureUiBuilt(): Promise<void> {
  await ensureBuilt({
    name: 'workbench-ui',
    root: ROOT,
    inputs: UI_INPUTS,
    outputs: () => [MANIFEST],
    stateDir: join(ROOT, 'static', '.build-inputs'),
    build: () => {
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      // vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
      const result = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
    },
  });
}
