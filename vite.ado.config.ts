// Builds the Azure DevOps extension's contribution pages into dist/ado/<contribution>/index.html,
// one entry each (src/ado/<contribution>/), with relative asset paths: the Marketplace serves the
// extension's files from its own CDN path, so nothing may assume a site root. Shared code lands
// in shared chunks under dist/ado/assets/; the manifest records which chunks each page loads,
// for the size check (test/ado/bundle-size.test.ts) and the `.vsix` check (test/ado/package.test.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./src/ado/', import.meta.url));
export const ADO_OUT_DIR = fileURLToPath(new URL('./dist/ado/', import.meta.url));
/** One folder per contribution in src/ado, each with an index.html (see vss-extension.json). */
export const ADO_PAGES = ['work-item-form-group', 'okr-hub', 'okr-plan-hub', 'okr-widget', 'okr-widget-config'] as const;

const deferredYaml = fileURLToPath(new URL('./src/ado/host/deferred-yaml.ts', import.meta.url));
const yamlProvider = fileURLToPath(new URL('./src/ado/okr-plan-hub/provide-yaml.ts', import.meta.url));

/**
 * `yaml` resolves to src/ado/host/deferred-yaml.ts for every importer but the plan hub's
 * provider, so the library ships with the one page that reads and writes plan files.
 */
function deferYaml(): Plugin {
  return {
    name: 'harmony-defer-yaml',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'yaml' && importer !== yamlProvider) return deferredYaml;
      return null;
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [deferYaml(), react()],
  // What goes into a .vsix is always the production build of React, whatever NODE_ENV the
  // packaging runs under (test runners set it to `test`).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  logLevel: 'warn',
  build: {
    outDir: ADO_OUT_DIR,
    emptyOutDir: true,
    // dist/ado/.vite/manifest.json: read by the size check, left out of the package (vss-extension.json lists the page folders).
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      input: Object.fromEntries(ADO_PAGES.map((name) => [name, `${root}${name}/index.html`])),
    },
  },
});
