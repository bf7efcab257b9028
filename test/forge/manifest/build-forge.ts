// The manifest check validates the real Custom UI builds, so it builds them (`npm run
// build:forge`) when they are missing or older than their sources. A lock directory keeps two
// test files from building at once; a lock left by a killed run is taken over after 5 minutes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_DIRS, ROOT } from './app-copy';

const SOURCES = ['src/ui', 'src/forge/ui', 'src/app/api.ts', 'src/core', 'vite.forge.config.ts'].map((p) => join(ROOT, p));
const LOCK = join(tmpdir(), 'harmony-forge-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function upToDate(): boolean {
  const outputs = RESOURCE_DIRS.map((d) => join(ROOT, d, 'index.html'));
  if (!outputs.every(existsSync)) return false;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return built >= Math.max(...SOURCES.filter(existsSync).map(newestMtime));
}

export async function ensureForgeBuilt(): Promise<void> {
  if (upToDate()) return;
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts['build:forge']) throw new Error('package.json has no build:forge script, so the Custom UI resources manifest.yml names cannot be built');
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
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const result = spawnSync('npm', ['run', 'build:forge'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`npm run build:forge failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
