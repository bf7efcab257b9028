// Builds the `okr` command (src/cli/okr.ts) into build/cli/okr.mjs with esbuild, so `okr` runs
// as plain JavaScript: no TypeScript compiler at run time, no module resolution of hundreds of
// files. `npm ci` runs it through `prepare`; `npm run build:cli` runs it by hand.
//
// What every command needs (the core, yaml, zod) is bundled: one file parses faster than
// node_modules resolves. What only `okr pull` needs is split into a chunk loaded on demand, so
// `okr evaluate` never compiles it, and the trackers' client packages stay in node_modules (they
// read their own files at run time, which a bundle would break; `npm ci` installs them anyway).
//
// The build is skipped when nothing it read has changed: build/cli/okr.meta.json keeps a hash of
// every source file the last bundle was made from, plus package.json, package-lock.json (which
// pins everything under node_modules) and this script. Tests call `buildCli()` once per run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT_DIR = join(root, 'build', 'cli');
export const CLI_ENTRY = join(CLI_OUT_DIR, 'okr.mjs');
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
 * workers): the output is written to a scratch folder and moved in file by file, chunks first
 * (their names carry their content hash) and the entry last, so a reader never sees a half-built CLI.
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
    entryPoints: { okr: 'src/cli/okr.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: CLI_OUT_DIR,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Whitespace and syntax only: names stay, so a stack trace still says where it broke.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    define: { OKR_VERSION: JSON.stringify(version) },
    external: Object.keys(dependencies).filter((name) => !BUNDLED.has(name)),
    // The bundled yaml is CommonJS and calls require() for Node's built-ins.
    banner: { js: "import { createRequire as __okrCreateRequire } from 'node:module'; const require = __okrCreateRequire(import.meta.url);" },
    metafile: true,
    write: false,
    logLevel: quiet ? 'error' : 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  mkdirSync(join(CLI_OUT_DIR, 'chunks'), { recursive: true });
  const scratch = mkdtempSync(join(dirname(CLI_OUT_DIR), '.cli-'));
  try {
    const files = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_ENTRY) - Number(b.path === CLI_ENTRY));
    for (const file of files) {
      const temp = join(scratch, basename(file.path));
      writeFileSync(temp, file.contents);
      renameSync(temp, file.path);
    }
    const temp = join(scratch, 'meta');
    writeFileSync(temp, `${JSON.stringify({ hash: inputHash(inputs), inputs }, null, 1)}\n`);
    renameSync(temp, META);
    pruneChunks(new Set(files.map((f) => f.path)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { built: true, entry: CLI_ENTRY };
}

/** Removes chunks of earlier builds that are older than a minute (a concurrent run may still load recent ones). */
function pruneChunks(keep) {
  const dir = join(CLI_OUT_DIR, 'chunks');
  const cutoff = Date.now() - 60_000;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (keep.has(path)) continue;
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      // already gone: another build pruned it
    }
  }
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
