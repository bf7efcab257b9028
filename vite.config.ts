// Builds the workbench pages (start, Jira issue frame, ADO work item frame, board, KPIs, review) into
// static/workbench/, which the workbench server serves. One entry per surface; shared code
// (React, the UI components) lands in shared chunks, and the manifest records which chunks each
// surface loads so its JavaScript weight can be measured (test/browser/bundle-size.test.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const pages = fileURLToPath(new URL('./src/workbench/pages/', import.meta.url));
export const WORKBENCH_OUT_DIR = fileURLToPath(new URL('./static/workbench/', import.meta.url));
export const WORKBENCH_PAGES = ['index', 'jira-issue', 'ado-workitem', 'board', 'kpis', 'review', 'plan'] as const;

export default defineConfig({
  root: pages,
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: WORKBENCH_OUT_DIR,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      input: Object.fromEntries(WORKBENCH_PAGES.map((name) => [name, `${pages}${name}.html`])),
    },
  },
});
