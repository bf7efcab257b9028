// What a built page really loads, read from Vite's manifest: its entry chunk plus every chunk it
// imports, shared ones included, and dynamic imports too (also weighed apart: what loads at open).
// One reading for every bundle budget (workbench, Forge, Azure DevOps) and the bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

export type ViteManifest = Record<string, ManifestChunk>;

export function readViteManifest(file: string): ViteManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as ViteManifest;
}

/**
 * The JavaScript files loaded by these manifest keys, each once: with `atOpen`, only what the page
 * loads as it opens (static imports); else everything it may ever load (dynamic imports too).
 */
export function scriptsOf(manifest: ViteManifest, keys: readonly string[], atOpen = false): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const next of [...(chunk.imports ?? []), ...(atOpen ? [] : (chunk.dynamicImports ?? []))]) visit(next);
  };
  keys.forEach(visit);
  return [...files].filter((f) => f.endsWith('.js'));
}

export interface EntrySize {
  /** The entry's source path (`board.html`, `okr-hub/index.html`). */
  entry: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  /** What the page loads as it opens, before any lazy screen or use case. */
  atOpen: { files: string[]; gzipBytes: number };
}

/** Every entry of a build with the weight of all it loads, gzipped as a server would send it. */
export function entrySizes(manifestFile: string, distDir: string): EntrySize[] {
  const manifest = readViteManifest(manifestFile);
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry)
    .map(([key, chunk]) => {
      const open = weigh(scriptsOf(manifest, [key], true), distDir);
      return { entry: chunk.src ?? key, ...weigh(scriptsOf(manifest, [key]), distDir), atOpen: { files: open.files, gzipBytes: open.gzipBytes } };
    });
}

function weigh(files: string[], distDir: string): { files: string[]; rawBytes: number; gzipBytes: number } {
  const bodies = files.map((f) => readFileSync(join(distDir, f)));
  return {
    files,
    rawBytes: bodies.reduce((n, b) => n + b.length, 0),
    gzipBytes: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}
