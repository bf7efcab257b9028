// What Forge requires of a Custom UI resource, checked on the build itself: an index.html with
// relative asset paths (Forge serves each resource from its own CDN path), no inline script or
// style (the default CSP has no 'unsafe-inline'), and each surface's JavaScript within issue 3's
// 150 KB gzipped budget. Figures are printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readViteManifest, scriptsOf } from '../helpers/vite-bundle';
import { ensureForgeBuilt, FORGE_SURFACES, forgeBuildDir, forgeManifest, type ForgeSurface } from './helpers/build-forge';

const BUDGET_BYTES = 150 * 1024;

beforeAll(ensureForgeBuilt, 180_000);

function scripts(surface: ForgeSurface) {
  const manifest = readViteManifest(forgeManifest(surface));
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  return scriptsOf(manifest, entries).map((f) => readFileSync(join(forgeBuildDir(surface), f)));
}

describe('Forge Custom UI resources (static/forge-<surface>/build)', () => {
  it.each(FORGE_SURFACES)('%s: index.html loads its assets by relative path, with no inline script or style', (surface) => {
    const html = readFileSync(join(forgeBuildDir(surface), 'index.html'), 'utf8');
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [, attributes, body] of tags) {
      expect(attributes).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url).toMatch(/^\.\//);
  });

  it('keeps every surface within 150 KB of gzipped JavaScript, React in its production build', () => {
    for (const surface of FORGE_SURFACES) {
      const bodies = scripts(surface);
      const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
      const raw = bodies.reduce((n, b) => n + b.length, 0);
      console.log(`[bundle] forge-${surface}: ${(gzip / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw, ${bodies.length} files)`);
      expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
      expect(bodies.some((b) => b.includes('unique "key" prop'))).toBe(false);
    }
  });
});
