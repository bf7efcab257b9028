// Builds the `okr` command (src/cli/okr.ts) into build/cli/okr.cjs with esbuild, so `okr` runs
// as plain JavaScript: no TypeScript compiler at run time, no module resolution of hundreds of
// files. `npm ci` runs it through `prepare`; `npm run build:cli` runs it by hand.
//
// What every command needs (the core, yaml, zod) is bundled: one file parses faster than
// node_modules resolves. What only `okr pull` needs is in the bundle too but initialised only
// when pulling, and the trackers' client packages stay in node_modules (they read their own files
// at run time, which a bundle would break; `npm ci` installs them anyway).
//
// The bundle is CommonJS so that bin/okr.js can run it with V8's code cache (vm.Script
// cachedData): Node 20 offers no code cache for ES modules, and compiling the bundle's code on
// every start is a third of what `okr evaluate` costs on a small plan. The build warms the cache
// by running `okr evaluate` on the example plan once.
//
// The build is skipped when nothing it read has changed: build/cli/okr.meta.json keeps a hash of
// every source file the last bundle was made from, plus package.json, package-lock.json (which
// pins everything under node_modules) and this script. Tests call `buildCli()` once per run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = join(root, 'build', 'cli');
export const CLI_ENTRY = join(CLI_OUT_DIR, 'okr.cjs');
/** V8's code cache of CLI_ENTRY, written by bin/okr.js (see there). */
export const CLI_CODE_CACHE = join(CLI_OUT_DIR, 'okr.v8cache');
const META = join(CLI_OUT_DIR, 'okr.meta.json');
const ALWAYS = ['package.json', 'package-lock.json', 'scripts/build-cli.js'];
/** Bundled; every other dependency is loaded from node_modules. */
const BUNDLED = new Set(['yaml', 'zod']);

/** The hash of what a bundle was made from; files under node_modules are covered by the lock file. */
function inputHash(inputs) {
  const hash = createHash('sha256');
  for (const file of [...ALWAYS, ...inputs.filter((f) => !f.includes('node_modules/'))].sort()) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function upToDate() {
  if (!existsSync(CLI_ENTRY) || !existsSync(META)) return false;
  try {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    return meta.hash === inputHash(meta.inputs);
  } catch {
    return false; // an input was deleted or the meta file is damaged: build again
  }
}

/** esbuild is a devDependency: an install without them (`npm ci --omit=dev`) cannot build. */
export class EsbuildMissing extends Error {
  constructor() {
    super('esbuild is not installed (it is a devDependency): run `npm ci` with dev dependencies, then `npm run build:cli`');
  }
}

/**
 * Builds build/cli/ unless it is current. Safe when several processes build at once (test
 * workers): the bundle is written to a scratch file and renamed into place, so a reader never
 * sees a half-written one.
 */
export async function buildCli({ force = false, quiet = false } = {}) {
  if (!force && upToDate()) return { built: false, entry: CLI_ENTRY };
  let build;
  try {
    ({ build } = await import('esbuild'));
  } catch (e) {
    if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new EsbuildMissing();
  }
  const { dependencies = {}, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/okr.ts'],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: CLI_ENTRY,
    // Whitespace and syntax only: names stay, so a stack trace still says where it broke.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    define: { OKR_VERSION: JSON.stringify(version) },
    external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  const [bundle] = result.outputFiles;
  mkdirSync(CLI_OUT_DIR, { recursive: true });
  const scratch = mkdtempSync(join(dirname(CLI_OUT_DIR), '.cli-'));
  try {
    const temp = join(scratch, 'okr.cjs');
    writeFileSync(temp, bundle.contents);
    renameSync(temp, CLI_ENTRY);
    const meta = join(scratch, 'meta');
    writeFileSync(meta, `${JSON.stringify({ hash: inputHash(inputs), inputs }, null, 1)}\n`);
    renameSync(meta, META);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  warmCodeCache();
  return { built: true, entry: CLI_ENTRY };
}

/**
 * Runs the new bundle once, so bin/okr.js writes V8's code cache of what `okr evaluate` compiles
 * (the cache of the previous bundle no longer matches; V8 would refuse it, and it is replaced).
 */
function warmCodeCache() {
  rmSync(CLI_CODE_CACHE, { force: true });
  const run = spawnSync(process.execPath, [join(root, 'bin/okr.js'), 'evaluate', join(root, 'examples/rain-town-tea.yaml'), '--at', '2026-11-15'], { stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`the new okr failed on the example plan (exit ${run.status}): run it by hand to see why`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  try {
    const { built } = await buildCli({ force });
    process.stdout.write(built ? `okr: built ${relative(root, CLI_ENTRY)}\n` : `okr: ${relative(root, CLI_ENTRY)} is up to date\n`);
  } catch (e) {
    if (!(e instanceof EsbuildMissing)) throw e;
    process.stderr.write(`okr: not built: ${e.message}\n`);
    // As `prepare` of an install without dev dependencies, say so but let the install finish:
    // `okr` itself then says how to build it.
    process.exitCode = process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
  }
}
