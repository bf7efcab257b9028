// Issue 3's budget: each surface's JavaScript at most 150 KB gzipped. Figures are printed.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureUiBuilt, STATIC_DIR } from './helpers/build-ui';
import { surfaceSizes } from './helpers/bundle-size';

const BUDGET_BYTES = 150 * 1024;

beforeAll(ensureUiBuilt, 180_000);

describe('bundle size per surface', () => {
  it('every workbench surface loads at most 150 KB of gzipped JavaScript', () => {
    const sizes = surfaceSizes();
    expect(sizes.map((s) => s.surface).sort()).toEqual(['ado-workitem', 'board', 'index', 'jira-issue', 'kpis', 'plan', 'review']);
    for (const s of sizes) {
      console.log(`[bundle] ${s.surface}: ${(s.gzipBytes / 1024).toFixed(1)} KB gzipped (${(s.rawBytes / 1024).toFixed(1)} KB raw, ${s.files.length} files)`);
    }
    expect(sizes.filter((s) => s.gzipBytes > BUDGET_BYTES).map((s) => s.surface)).toEqual([]);
  });

  it('ships the production build of React (its development build warns about list keys)', () => {
    const all = surfaceSizes().flatMap((s) => s.files);
    const dev = [...new Set(all)].filter((f) => readFileSync(join(STATIC_DIR, f), 'utf8').includes('unique "key" prop'));
    expect(dev).toEqual([]);
  });
});
