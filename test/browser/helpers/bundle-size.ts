// Each surface's JavaScript weight: its entry chunk plus every chunk it imports (shared chunks
// included, since the browser loads them for that page), gzipped as a server would send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MANIFEST, STATIC_DIR } from './build-ui';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  src?: string;
  imports?: string[];
  dynamicImports?: string[];
}

export interface SurfaceSize {
  surface: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function surfaceSizes(): SurfaceSize[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  return entries.map(([key, entry]) => {
    const files = new Set<string>();
    const visit = (k: string) => {
      const chunk = manifest[k];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      // Dynamic imports load on demand too; count them so nothing hides behind a lazy import.
      for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
    };
    visit(key);
    const js = [...files].filter((f) => f.endsWith('.js'));
    const bodies = js.map((f) => readFileSync(join(STATIC_DIR, f)));
    return {
      surface: (entry.src ?? key).replace(/\.html$/, ''),
      files: js,
      rawBytes: bodies.reduce((n, b) => n + b.length, 0),
      gzipBytes: bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  });
}
