// The offline check of a Forge app directory: what `forge deploy` would refuse, without an
// Atlassian login. `validate()` of @forge/manifest (schema, modules, handlers' files, resource
// paths, scopes) and the client-side linters of @forge/lint (handler exports, storage and
// invoke usage, deprecated APIs, function timeouts...) except PermissionLinter, which asks
// Atlassian's servers. Both read `manifest.yml` and the sources relative to the working
// directory, as the Forge CLI does, so the check runs with the app directory as cwd.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StatsigReader } from '@forge/cli-shared';
import { getClientSideLintersOnly, parseSourceFile, tsParser } from '@forge/lint';
import { validate, type ManifestSchema } from '@forge/manifest';
import { parse } from 'yaml';

export interface ManifestCheck {
  errors: string[];
  warnings: string[];
}

/** Feature gates and dynamic configs answered offline: every gate at its default. */
class OfflineStatsig extends StatsigReader {
  checkGate(): Promise<boolean | null> {
    return Promise.resolve(null);
  }
  getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

/** The directories Forge bundles into the functions: the handlers' import graph. */
const BACKEND_DIRS = ['src/forge', 'src/app', 'src/core', 'src/trackers', 'src/stores'];
/** Custom UI sources: built by Vite into static/, never part of a function. */
const NOT_BACKEND = new Set(['src/forge/ui']);

function sourceFiles(dir: string, root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (NOT_BACKEND.has(relative(root, path))) continue;
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, root));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(root, path));
  }
  return out;
}

let queue: Promise<unknown> = Promise.resolve();

/** Checks the app in `dir`; calls are serialised because the check changes the working directory. */
export function checkManifest(dir: string): Promise<ManifestCheck> {
  const run = queue.then(() => checkIn(dir));
  queue = run.catch(() => undefined);
  return run;
}

async function checkIn(dir: string): Promise<ManifestCheck> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const errors: string[] = [];
    const warnings: string[] = [];
    const validation = await validate(false, 'manifest.yml');
    for (const e of validation.errors ?? []) (e.level === 'error' ? errors : warnings).push(`manifest.yml:${e.line}: ${e.message}`);
    if (!validation.success && errors.length === 0) errors.push('validate() refused the manifest without saying why');
    if (errors.length > 0) return { errors, warnings };

    const manifest = parse(readFileSync('manifest.yml', 'utf8')) as ManifestSchema;
    const logger = { info: () => undefined };
    const linters = (await getClientSideLintersOnly(manifest, 'development', logger, new OfflineStatsig() as unknown as Parameters<typeof getClientSideLintersOnly>[3])).filter(
      (linter) => linter.constructor.name !== 'PermissionLinter',
    );
    const files = BACKEND_DIRS.flatMap((d) => sourceFiles(join(dir, d), dir));
    const inputs = await Promise.all(files.map((f) => parseSourceFile(f, tsParser)));
    await Promise.all(linters.map((l) => l.bootstrap()));
    const results = (await Promise.all(linters.map((l) => l.batchExecute(inputs)))).flat();
    for (const result of results) {
      for (const e of result.errors) errors.push(`${result.file}:${e.line}: ${e.message}`);
      for (const w of result.warnings) warnings.push(`${result.file}:${w.line}: ${w.message}`);
    }
    return { errors, warnings };
  } finally {
    process.chdir(previous);
  }
}
