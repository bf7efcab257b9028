import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

// Suites that drive a browser, build or package a bundle, validate the Forge manifest with the
// Forge CLI's linters, spawn `okr` / tsx child processes, or cut a store at every request in
// turn: minutes on a 2-core machine. `npm test` runs them; `npm run test:unit` leaves them out.
const SLOW = [
  'test/browser/**',
  'test/ado/package.test.ts',
  'test/ado/bundle-size.test.ts',
  'test/forge/manifest/**',
  'test/cli/okr.test.ts',
  'test/cli/pull.test.ts',
  'test/stores/sqlite-document-store.test.ts',
  'test/stores/crash-safety.test.ts',
];

// `npm run test:unit` runs the `unit` project with test files sharing each worker's loaded
// modules (--no-isolate), which halves its CPU time. A file that swaps a module out with
// vi.mock needs a module graph of its own, so such files form the `unit-mocking` project, run
// isolated. Found by reading the files, so a new one cannot be forgotten. `npm test` runs every
// project with each file isolated.
const testDir = fileURLToPath(new URL('./test/', import.meta.url));
const MOCKING = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.test\.tsx?$/.test(f) && /\bvi\.(mock|doMock)\(/.test(readFileSync(`${testDir}${f}`, 'utf8')))
  .map((f) => `test/${f.split('\\').join('/')}`);

export default defineConfig({
  test: {
    // Browser and CLI tests spawn processes; keep the 2-core CI machine from thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: [...SLOW, ...MOCKING] } },
      { extends: true, test: { name: 'unit-mocking', include: MOCKING.length ? MOCKING : ['test/no-such-file.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW.map((p) => (p.endsWith('/**') ? `${p}/*.test.{ts,tsx}` : p)) } },
    ],
  },
});
