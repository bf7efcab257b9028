// The repository documents itself: README, docs/ and `okr help` point only at files inside it
// (a clone has nothing beside it), and docs/plan-format.md marks as planned exactly what the
// core does not do yet, so it never claims more than the code.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parsePlanText } from '../../src/core';
import { main } from '../../src/cli/main';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
const anchorsOf = (file: string) =>
  new Set([...read(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));

describe('the documentation stays inside the repository', () => {
  test.each(DOCS)('%s names nothing beside the checkout', (file) => {
    expect(read(file)).not.toMatch(/\.\.\/shared|SPEC\.md/);
  });

  test.each(DOCS)('%s links only to files and headings that exist in the repository', (file) => {
    const broken: string[] = [];
    for (const [, target = ''] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), path);
      if (relative(ROOT, resolved).startsWith('..') || !existsSync(resolved)) broken.push(target);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(relative(ROOT, resolved)).has(anchor)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  test('okr help points to docs/plan-format.md', async () => {
    let out = '';
    const sink = { write: (t: string) => (out += t) };
    expect(await main(['help'], { stdout: sink, stderr: sink, env: {} })).toBe(0);
    expect(out).toContain('docs/plan-format.md');
    expect(out).not.toMatch(/SPEC|\.\.\/shared/);
  });
});

describe('the code and the tests stay inside the repository', () => {
  // Only the scripts that regenerate vendored copies (named vendor.ts) know where upstream lives.
  const sources = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f) && !f.endsWith('vendor.ts'))
      .map((f) => `${dir}/${f}`);

  test('nothing in src/, bin/, bench/ or test/ reads the shared folder beside the checkout', () => {
    const offenders = ['src', 'bin', 'bench', 'test'].flatMap(sources).filter((f) => /\.\.\/shared\b|shared\/contracts/.test(read(f)));
    expect(offenders).toEqual([]);
  });
});

describe('docs/plan-format.md claims no more than the core does', () => {
  const doc = read('docs/plan-format.md');

  test('every lint code the core raises is in the lint table', () => {
    const types = read('src/core/report/types.ts');
    const union = /export type LintCode =([^;]+);/.exec(types)?.[1] ?? '';
    const codes = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  test('the lints the table calls planned are not raised by this version', () => {
    const planned = [...doc.matchAll(/^\| `([a-z-]+)` \|[^|]*\| \*\*planned, not yet in this version\*\*/gm)].map((m) => m[1]);
    expect(planned).toEqual([]);
    const types = read('src/core/report/types.ts');
    for (const code of planned) expect(types).not.toContain(`'${code}'`);
  });

  const base = (extra: string) => `okr: 1
periods: [{ id: Q, start: 2024-07-01, end: 2024-09-30${extra.startsWith('period:') ? extra.slice(7) : ''} }]
teams: [{ id: t, name: T }]
objectives:
  - id: O
    title: O
    team: t
    period: Q
    keyResults:
      - { id: KR, title: KR, type: outcome, start: 0, target: 1${extra.startsWith('kr:') ? extra.slice(3) : ''}, checkIns: [{ at: 2024-07-02, value: 0${extra.startsWith('checkIn:') ? extra.slice(8) : ''} }] }
${extra.startsWith('plan:') ? extra.slice(5) : ''}`;

  test('§7 checkInDays, no longer marked planned, is read', () => {
    expect(doc).toMatch(/^## 7\. Check-in cadence$/m);
    expect(parsePlanText(base('plan:checkInDays: 7')).checkInDays).toBe(7);
  });

  // §9–§10 (close-core): implemented, so the doc no longer calls them planned and their fields are read.
  test.each([
    ['§9 closing', 'period:, closed: 2024-10-01', 'kr:, final: { progress: 1, current: 1 }, grade: 0.7, reflection: done'],
    ['§10 carriedFrom', '', 'kr:, carriedFrom: KR0'],
  ])('%s is documented as implemented and its fields are accepted', (section, periodExtra, krExtra) => {
    expect(doc).toMatch(new RegExp(`^## ${section.slice(1).split(' ')[0]}\\. [^(\\n]+$`, 'm'));
    const text = base(krExtra).replace('end: 2024-09-30 }', `end: 2024-09-30${periodExtra.slice(7)} }`);
    expect(() => parsePlanText(text)).not.toThrow();
  });

  // §8 measured values are in this version: the section says so and its fields are accepted.
  test('§8 measure and measured check-ins are in this version', () => {
    expect(doc).toMatch(/^## 8\. Measured values$/m);
    expect(() => parsePlanText(base('kr:, measure: { jql: project = CS }'))).not.toThrow();
    expect(() => parsePlanText(base('checkIn:, source: measured, count: 3'))).not.toThrow();
  });
});
