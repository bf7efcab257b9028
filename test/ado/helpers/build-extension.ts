// The ADO tests run against what `npm run package` makes: the pages in dist/ado and the .vsix in
// dist/. They run the script when its output is missing or older than anything it is made from;
// a lock keeps two test files from packaging at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const SOURCES = ['src/ado', 'src/ui', 'src/core', 'src/app', 'src/stores', 'src/trackers', 'images', 'vss-extension.json', 'vite.ado.config.ts'].map((p) => join(ROOT, p));
const LOCK = join(tmpdir(), 'harmony-ado-package.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

function upToDate(): boolean {
  const vsix = vsixPath();
  if (!existsSync(vsix) || !existsSync(ADO_VITE_MANIFEST)) return false;
  const built = Math.min(statSync(vsix).mtimeMs, statSync(ADO_VITE_MANIFEST).mtimeMs);
  return built >= Math.max(...SOURCES.filter(existsSync).map(newestMtime));
}

/** Runs `npm run package` (vite build of the pages, then tfx extension create) when needed. */
export async function ensureExtensionPackaged(): Promise<void> {
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
    const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, NODE_ENV: 'production' } });
    if (run.status !== 0) throw new Error(`npm run package failed (${String(run.status)}):\n${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
