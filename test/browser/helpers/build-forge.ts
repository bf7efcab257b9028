// The Forge Custom UI builds (npm run build:forge), rebuilt for tests when missing or older than
// any source they come from; a lock keeps two test files from building at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORGE_SURFACES, forgeBuildDir, type ForgeSurface } from '../../../vite.forge.config';
import { ROOT } from './build-ui';

export { FORGE_SURFACES, forgeBuildDir, type ForgeSurface };

const SOURCES = [join(ROOT, 'src', 'ui'), join(ROOT, 'src', 'forge', 'ui'), join(ROOT, 'src', 'core'), join(ROOT, 'src', 'app', 'api.ts'), join(ROOT, 'vite.forge.config.ts')];
const LOCK = join(tmpdir(), 'harmony-forge-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

export const forgeManifest = (surface: ForgeSurface): string => join(forgeBuildDir(surface), '.vite', 'manifest.json');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function upToDate(): boolean {
  const newest = Math.max(...SOURCES.filter(existsSync).map(newestMtime));
  return FORGE_SURFACES.every((s) => existsSync(forgeManifest(s)) && statSync(forgeManifest(s)).mtimeMs >= newest);
}

export async function ensureForgeBuilt(): Promise<void> {
  if (upToDate()) return;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (upToDate()) return;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.forge.config.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`forge build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
