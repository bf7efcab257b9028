// WCAG AA for every colour pair the components draw, in both host themes, light and dark, both
// with the workbench's host variables (what Jira and ADO supply) and with none (the fallbacks).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contrastRatio, flatten, parseColor, type Rgba } from '../../../src/ui/theme/contrast';
import { resolve, varsFor, type Mode, type Vars } from './css-vars';

const file = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

const THEMES = {
  jira: { css: file('src/ui/theme/jira.css'), cls: '.h-theme-jira', host: file('src/workbench/pages/hosts/atlassian-host.css') },
  ado: { css: file('src/ui/theme/ado.css'), cls: '.h-theme-ado', host: file('src/workbench/pages/hosts/ado-host.css') },
} as const;

const TONES = ['success', 'warning', 'danger', 'info', 'neutral'] as const;

/** [foreground, background] pairs drawn as text: 4.5:1. */
const TEXT_PAIRS: [string, string][] = [
  ['--h-text', '--h-surface'],
  ['--h-text-subtle', '--h-surface'],
  ['--h-text', '--h-surface-sunken'],
  ['--h-text-subtle', '--h-surface-sunken'],
  ['--h-text', '--h-surface-raised'],
  ['--h-text-subtle', '--h-surface-raised'],
  ['--h-link', '--h-surface'],
  ['--h-link', '--h-surface-sunken'],
  ['--h-link', '--h-surface-raised'],
  ['--h-on-accent', '--h-accent'],
  ['--h-danger-text', '--h-surface'],
  ['--h-danger-text', '--h-surface-sunken'],
  ['--h-success-text', '--h-surface-sunken'],
  ['--h-text', '--h-info-bg'],
  ['--h-neutral-text', '--h-neutral-bg'],
  ...TONES.map((t): [string, string] => [`--h-${t}-text`, `--h-${t}-bg`]),
];

/** Non-text parts (bar fills against their track, input borders, focus ring, chart lines): 3:1. */
const GRAPHIC_PAIRS: [string, string][] = [
  ...TONES.map((t): [string, string] => [`--h-${t}-bold`, '--h-track']),
  ['--h-border-input', '--h-surface'],
  ['--h-focus', '--h-surface'],
  ['--h-focus', '--h-surface-sunken'],
  ['--h-chart-scope', '--h-surface'],
  ['--h-chart-done', '--h-surface'],
  ['--h-chart-done', '--h-surface-sunken'],
  ['--h-danger-text', '--h-surface'],
];

function colours(theme: Vars, host: Vars) {
  const raw = (name: string) => parseColor(resolve(name, theme, host));
  const surface = raw('--h-surface');
  expect(surface.a, 'the surface must be opaque').toBe(1);
  // Translucent backgrounds are painted on the surface; translucent text on what it sits on.
  const background = (name: string): Rgba => flatten(raw(name), surface);
  return { raw, background };
}

function ratio(theme: Vars, host: Vars, fg: string, bg: string): number {
  const c = colours(theme, host);
  const back = c.background(bg);
  return contrastRatio(flatten(c.raw(fg), back), back);
}

describe('theme contrast (WCAG 2.1 AA)', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    for (const mode of ['light', 'dark'] as Mode[]) {
      const themeVars = varsFor(theme.css, (s) => s.includes(theme.cls), mode);
      const scenarios: [string, Vars][] = [
        ['host variables', varsFor(theme.host, (s) => s.startsWith('html'), mode)],
        ['fallbacks only', new Map<string, string>()],
      ];
      for (const [scenario, host] of scenarios) {
        it(`${name} ${mode}, ${scenario}: text pairs reach 4.5:1`, () => {
          const failures = TEXT_PAIRS.map(([fg, bg]) => ({ fg, bg, r: ratio(themeVars, host, fg, bg) })).filter((p) => p.r < 4.5);
          expect(failures.map((f) => `${f.fg} on ${f.bg}: ${f.r.toFixed(2)}`)).toEqual([]);
        });
        it(`${name} ${mode}, ${scenario}: graphics reach 3:1`, () => {
          const failures = GRAPHIC_PAIRS.map(([fg, bg]) => ({ fg, bg, r: ratio(themeVars, host, fg, bg) })).filter((p) => p.r < 3);
          expect(failures.map((f) => `${f.fg} on ${f.bg}: ${f.r.toFixed(2)}`)).toEqual([]);
        });
      }
    }
  }

  it('the checker itself: black on white is 21:1, equal colours 1:1, #767676 on white just passes AA', () => {
    expect(contrastRatio(parseColor('#000'), parseColor('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#1F845A'), parseColor('#1f845a'))).toBe(1);
    const grey = contrastRatio(parseColor('#767676'), parseColor('#FFFFFF'));
    expect(grey).toBeGreaterThan(4.5);
    expect(grey).toBeLessThan(4.6);
    expect(flatten(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#FFFFFF'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });
});
