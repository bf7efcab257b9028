import { defineConfig } from 'vitest/config';

const ALL = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

// Suites that drive a browser, build or package a bundle, validate the Forge manifest with the
// Forge CLI's linters, or spawn `okr` / tsx child processes: minutes on a 2-core machine.
// `npm test` runs them; `npm run test:unit` (the `unit` project) leaves them out.
const SLOW = [
  'test/browser/**',
  'test/ado/package.test.ts',
  'test/ado/bundle-size.test.ts',
  'test/forge/manifest/**',
  'test/cli/okr.test.ts',
  'test/cli/pull.test.ts',
  'test/stores/sqlite-document-store.test.ts',
];

export default defineConfig({
  test: {
    // Browser and CLI tests spawn processes; keep the 2-core CI machine from thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ALL, exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW.map((p) => (p.endsWith('/**') ? `${p}/*.test.{ts,tsx}` : p)) } },
    ],
  },
});
