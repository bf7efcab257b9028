// Builds the Forge Custom UI resources: one self-contained build per surface into
// static/forge-<surface>/build/ (index.html + assets), the folders manifest.yml's `resources`
// point at. Forge serves each resource from its own path on its CDN, so asset URLs are relative
// (`base: './'`), and its Content Security Policy forbids inline scripts: Vite emits the entry as
// an external module script, and the module-preload polyfill (an inline-able helper) is off.
//
// `vite build -c vite.forge.config.ts` builds the first surface as this config's own client build
// and the others one after another from the app builder hook (one Vite config cannot have five
// roots and five output folders).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type InlineConfig } from 'vite';

export const FORGE_SURFACES = ['panel', 'board', 'kpis', 'gadget', 'admin'] as const;
export type ForgeSurface = (typeof FORGE_SURFACES)[number];

const entries = fileURLToPath(new URL('./src/forge/ui/', import.meta.url));
export const forgeBuildDir = (surface: ForgeSurface): string => fileURLToPath(new URL(`./static/forge-${surface}/build/`, import.meta.url));

export function forgeSurfaceConfig(surface: ForgeSurface): InlineConfig {
  return {
    configFile: false,
    root: `${entries}${surface}`,
    base: './',
    // Always React's production build, whatever NODE_ENV the caller runs with (vitest sets "test").
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [react()],
    logLevel: 'warn',
    build: {
      outDir: forgeBuildDir(surface),
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: { polyfill: false },
      // No data: URLs for assets: every file is served by Forge from the resource folder.
      assetsInlineLimit: 0,
    },
  };
}

const [first, ...others] = FORGE_SURFACES;
const { configFile: _own, ...firstConfig } = forgeSurfaceConfig(first);

export default defineConfig({
  ...firstConfig,
  builder: {
    async buildApp(builder) {
      const client = builder.environments.client;
      if (!client) throw new Error('Vite set up no client build');
      await builder.build(client);
      for (const surface of others) await build(forgeSurfaceConfig(surface));
    },
  },
});
