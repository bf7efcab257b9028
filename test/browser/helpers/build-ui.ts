// The browser tests run against the built pages. They build them when the build is missing or
// older than any source it comes from; a lock keeps two test files from building at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const STATIC_DIR = join(ROOT, 'static', 'workbench');
export const MANIFEST = join(STATIC_DIR, '.vite', 'manifest.json');
const SOURCES = [join(ROOT, 'src', 'ui'), join(ROOT, 'src', 'workbench', 'pages'), join(ROOT, 'src', 'core'), join(ROOT, 'src', 'app', 'api.ts'), join(ROOT, 'vite.config.ts')];
const LOCK = join(tmpdir(), 'harmony-ui-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function upToDate(): boolean {
  return existsSync(MANIFEST) && statSync(MANIFEST).mtimeMs >= Math.max(...SOURCES.filter(existsSync).map(newestMtime));
}

async function withLock<T>(run: () => T): Promise<T> {
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
    return run();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export async function ensureUiBuilt(): Promise<void> {
  if (upToDate()) return;
  await withLock(() => {
    if (upToDate()) return;
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    // vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
    const result = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  });
}
