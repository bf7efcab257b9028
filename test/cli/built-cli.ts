// The `okr` the tests run: the real bin/okr.js, which loads the bundle scripts/build-cli.js makes
// (build/cli/okr.cjs), as a child process with nothing in its environment but PATH and what a
// test gives it. The bundle is built once per test run: the script skips the build when no
// input (sources, package.json, package-lock.json) changed since the last one.
import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

let built = false;

/** Builds build/cli/ unless it is current (a no-op after the first call of a test file). */
export function ensureCliBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build-cli.js'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function okr(args: string[], env: Record<string, string> = {}): Promise<Run> {
  ensureCliBuilt();
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/okr.js', ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 1 << 28 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
