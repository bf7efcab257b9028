import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Browser and CLI tests spawn processes; keep the 2-core CI machine from thrashing.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
