// Reads custom properties out of the theme CSS the way the browser would resolve them, so the
// contrast test checks the colours actually shipped rather than a copy of them.
import { readFileSync } from 'node:fs';

export type Vars = Map<string, string>;

interface Block {
  selector: string;
  decls: Vars;
}

function blocks(css: string): Block[] {
  const out: Block[] = [];
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const decls: Vars = new Map();
    for (const d of (m[2] as string).split(';')) {
      const i = d.indexOf(':');
      if (i < 0) continue;
      const name = d.slice(0, i).trim();
      if (name.startsWith('--')) decls.set(name, d.slice(i + 1).trim());
    }
    out.push({ selector: (m[1] as string).trim(), decls });
  }
  return out;
}

export type Mode = 'light' | 'dark';

const isDark = (selector: string) => selector.includes("data-color-mode='dark'") || selector.includes('data-color-mode="dark"');

/** Variables a selector family sets in a mode: the light block, overridden by the dark one. */
export function varsFor(file: string, matches: (selector: string) => boolean, mode: Mode): Vars {
  const all = blocks(readFileSync(file, 'utf8')).filter((b) => matches(b.selector));
  const vars: Vars = new Map();
  for (const b of all.filter((b) => !isDark(b.selector))) for (const [k, v] of b.decls) vars.set(k, v);
  if (mode === 'dark') for (const b of all.filter((b) => isDark(b.selector))) for (const [k, v] of b.decls) vars.set(k, v);
  return vars;
}

/** Splits `var(--name, fallback)`; the fallback may hold commas (rgba, font lists). */
function splitVar(value: string): { name: string; fallback?: string } | undefined {
  const v = value.trim();
  if (!v.startsWith('var(') || !v.endsWith(')')) return undefined;
  const inner = v.slice(4, -1);
  const comma = inner.indexOf(',');
  return comma < 0 ? { name: inner.trim() } : { name: inner.slice(0, comma).trim(), fallback: inner.slice(comma + 1).trim() };
}

/** Resolves a theme variable: a host value wins, else the theme's own, else the fallback. */
export function resolve(name: string, theme: Vars, host: Vars, depth = 0): string {
  if (depth > 10) throw new Error(`variable cycle at ${name}`);
  const value = host.get(name) ?? theme.get(name);
  if (value === undefined) throw new Error(`${name} is not defined`);
  return resolveValue(value, theme, host, depth + 1);
}

function resolveValue(value: string, theme: Vars, host: Vars, depth: number): string {
  const ref = splitVar(value);
  if (!ref) return value;
  if (host.has(ref.name) || theme.has(ref.name)) return resolve(ref.name, theme, host, depth);
  if (ref.fallback === undefined) throw new Error(`${ref.name} is undefined and has no fallback`);
  return resolveValue(ref.fallback, theme, host, depth + 1);
}
