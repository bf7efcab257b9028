// The Forge Custom UI builds (npm run build:forge), rebuilt for tests when missing or made from
// other inputs (a content hash, see test/helpers/build-cache.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FORGE_SURFACES, forgeBuildDir, type ForgeSurface } from '../../../vite.forge.config';
import { ensureBuilt, TOOLCHAIN_INPUTS } from '../../helpers/build-cache';
import { ROOT } from './build-ui';

export { FORGE_SURFACES, forgeBuildDir, type ForgeSurface };

/** The whole of src/ (see UI_INPUTS in build-ui.ts for why). */
export const FORGE_UI_INPUTS = ['src', 'vite.forge.config.ts', ...TOOLCHAIN_INPUTS];

export const forgeManifest = (surface: ForgeSurface): string => join(forgeBuildDir(surface), '.vite', 'manifest.json');

export async function ensureForgeBuilt(): Promise<void> {
  await ensureBuilt({
    name: 'forge-ui',
    root: ROOT,
    inputs: FORGE_UI_INPUTS,
    outputs: () => FORGE_SURFACES.map(forgeManifest),
    stateDir: join(ROOT, 'static', '.build-inputs'),
    build: () => {
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.forge.config.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
      if (result.status !== 0) throw new Error(`forge build failed:\n${result.stdout}\n${result.stderr}`);
    },
  });
}
