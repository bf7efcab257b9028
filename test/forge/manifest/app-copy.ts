// A throwaway copy of the Forge app (manifest, sources, package files, Custom UI builds) to break
// on purpose: the manifest check must fail on a broken app, not only pass on a good one.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RESOURCE_DIRS = ['static/forge-panel/build', 'static/forge-board/build', 'static/forge-kpis/build', 'static/forge-gadget/build', 'static/forge-admin/build'];

export interface AppCopy {
  dir: string;
  manifest(): Record<string, unknown>;
  writeManifest(manifest: unknown): void;
  edit(file: string, change: (text: string) => string): void;
  remove(): void;
}

/** Copies the app; Custom UI builds are copied from the repository (they must have been built). */
export function copyApp(): AppCopy {
  const dir = mkdtempSync(join(tmpdir(), 'harmony-forge-app-'));
  for (const file of ['manifest.yml', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(dir, file));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const resource of RESOURCE_DIRS) {
    if (!existsSync(join(ROOT, resource, 'index.html'))) throw new Error(`${resource}/index.html is missing: run npm run build:forge`);
    cpSync(join(ROOT, resource), join(dir, resource), { recursive: true });
  }
  return {
    dir,
    manifest: () => parse(readFileSync(join(dir, 'manifest.yml'), 'utf8')) as Record<string, unknown>,
    writeManifest: (manifest) => writeFileSync(join(dir, 'manifest.yml'), stringify(manifest)),
    edit: (file, change) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
