// The builds the tests run against (the workbench pages, the Forge resources, the Azure DevOps
// .vsix) are kept between runs and rebuilt when their inputs change. The cache key is a hash of
// the inputs' contents, package-lock.json and the build's config included, written beside the
// output after a successful build. File times are not trusted: a fresh clone, a restored CI cache
// or `npm ci` with a new lock leaves them saying nothing about what the output was built from.
//
// A lock file holding the builder's pid keeps two test files from building at once; a lock whose
// process is gone is taken over, so a killed run never blocks the next one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Inputs every build depends on, whatever it compiles: the toolchain's versions and settings. */
export const TOOLCHAIN_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json'] as const;

export interface BuildSpec {
  /** Names the build in messages and its stamp and lock files (`workbench-ui`). */
  name: string;
  /** The repository root; inputs are relative to it. */
  root: string;
  /** Files and folders whose contents the output is made from. */
  inputs: readonly string[];
  /** Files that must exist for a cached build to count. */
  outputs: () => readonly string[];
  /** Where the stamp and the lock live: a gitignored folder the build itself does not empty. */
  stateDir: string;
  /** Runs the build; throws when it fails. */
  build: () => void;
}

/** SHA-256 over every input file's path and contents, in a fixed order. */
export function inputsDigest(root: string, inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const files = inputs.flatMap((input) => filesUnder(join(root, input))).sort();
  for (const file of files) {
    // Forward slashes and a separator byte, so the same tree hashes the same on every platform
    // and no two different (path, contents) lists run together into one byte stream.
    hash.update(relative(root, file).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Builds when the output is missing or was made from other inputs; says which happened. */
export async function ensureBuilt(spec: BuildSpec): Promise<'cached' | 'built'> {
  const stamp = join(spec.stateDir, `${spec.name}.sha256`);
  const current = (): string | undefined => {
    const digest = inputsDigest(spec.root, spec.inputs);
    const built = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest && spec.outputs().every((f) => existsSync(f));
    return built ? undefined : digest;
  };
  if (current() === undefined) return 'cached';
  mkdirSync(spec.stateDir, { recursive: true });
  const release = await acquireLock(join(spec.stateDir, `${spec.name}.lock`));
  try {
    // Another test file may have built it while this one waited for the lock.
    const digest = current();
    if (digest === undefined) return 'cached';
    rmSync(stamp, { force: true });
    spec.build();
    writeFileSync(stamp, `${digest}\n`);
    return 'built';
  } finally {
    release();
  }
}

async function acquireLock(file: string): Promise<() => void> {
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!holderAlive(file)) {
      rmSync(file, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Whether the process named in a lock file still runs (a lock being written counts as held). */
function holderAlive(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false; // released meanwhile
  }
  const pid = Number(text);
  if (text === '' || !Number.isInteger(pid) || pid <= 0) return text === '';
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}
