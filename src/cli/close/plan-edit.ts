// Writes a close or a rollover into the plan file's text the way `okr pull` writes work items:
// only what changed is touched, so comments, quotes and blank lines elsewhere stay byte for byte
// and a `git diff` shows the new `closed`, `final` and carried objectives alone. Each route's
// result must read back as exactly the intended plan; when the careful text edit cannot promise
// that (a layout it does not handle), the yaml library's Document keeps the comments but
// re-renders the spacing, and the core's export keeps every value but not the comments.
import { randomBytes } from 'node:crypto';
import { Document, isMap, isScalar, isSeq, parseDocument, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { exportPlan, isIsoDate, type Plan, type PlanFormat } from '../../core';
import type { Fidelity } from '../pull/rewrite';
import { readsAs } from '../pull/reads-as';

/** One change to the plan's data, by path from the root (`['periods', 0]`). */
export type Edit =
  /** Adds `key: value` to the mapping at `path` (which does not have the key yet). */
  | { kind: 'set'; path: (string | number)[]; key: string; value: unknown }
  /** Appends `value` to the list at `path`. */
  | { kind: 'append'; path: (string | number)[]; value: unknown };

export interface Rewrite {
  text: string;
  fidelity: Fidelity;
}

export function rewriteWithEdits(text: string, format: PlanFormat, edits: readonly Edit[], intended: Plan): Rewrite {
  const attempts: [Fidelity, () => string | undefined][] =
    format === 'json'
      ? [['exact', () => editJson(text, edits)]]
      : [
          ['exact', () => spliceYaml(text, edits)],
          ['comments', () => editDocument(text, edits)],
        ];
  for (const [fidelity, attempt] of attempts) {
    let out: string | undefined;
    try {
      out = attempt();
    } catch {
      out = undefined;
    }
    if (out !== undefined && readsAs(out, format, intended)) return { text: out, fidelity };
  }
  return { text: exportPlan(intended, format), fidelity: 'values' };
}

/** JSON keeps its key order and indentation; the new keys go last in their objects. */
function editJson(text: string, edits: readonly Edit[]): string | undefined {
  const data = JSON.parse(text) as unknown;
  for (const edit of edits) {
    const target = edit.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);
    if (edit.kind === 'set') {
      if (target === null || typeof target !== 'object' || Array.isArray(target)) return undefined;
      (target as Record<string, unknown>)[edit.key] = edit.value;
    } else {
      if (!Array.isArray(target)) return undefined;
      target.push(edit.value);
    }
  }
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const out = JSON.stringify(data, null, indent);
  return text.endsWith('\n') ? `${out}\n` : out;
}

/** Through the yaml library's Document: other nodes (and their comments) are kept. */
function editDocument(text: string, edits: readonly Edit[]): string {
  const doc = parseDocument(text, { uniqueKeys: true, compat: 'yaml-1.1' });
  for (const edit of edits) {
    if (edit.kind === 'set') doc.setIn([...edit.path, edit.key], doc.createNode(edit.value));
    else doc.addIn(edit.path, doc.createNode(edit.value));
  }
  return doc.toString({ lineWidth: 0 });
}

interface Insert {
  at: number;
  text: string;
}

/** The text with each edit inserted where it belongs, or undefined for a layout this does not handle. */
function spliceYaml(text: string, edits: readonly Edit[]): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inserts: Insert[] = [];
  for (const edit of edits) {
    const node = doc.getIn(edit.path, true);
    const insert = edit.kind === 'set' ? (isMap(node) ? insertPair(text, node, edit.key, edit.value, eol) : undefined) : isSeq(node) ? appendItem(text, node, edit.value, eol) : undefined;
    if (insert === undefined) return undefined;
    inserts.push(insert);
  }
  // From the end backwards, so earlier offsets stay valid; inserts at one offset keep their order.
  const order = inserts.map((insert, i) => ({ insert, i })).sort((a, b) => b.insert.at - a.insert.at || b.i - a.i);
  let out = text;
  for (const { insert } of order) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return out;
}

const lineStart = (text: string, pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number): number => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i + 1;
};
/** Where a node's own text ends: its value end, before trailing spaces and line breaks. */
const contentEnd = (text: string, range: readonly number[]): number => {
  const [start = 0, end = 0] = range;
  return start + text.slice(start, end).trimEnd().length;
};

function insertPair(text: string, map: YAMLMap, key: string, value: unknown, eol: string): Insert | undefined {
  if (!map.range) return undefined;
  if (map.flow === true) {
    // `{ id: Q3, start: …, end: … }` → `{ id: Q3, start: …, end: …, closed: … }`
    const close = text.lastIndexOf('}', map.range[1]);
    if (close < map.range[0] || text.slice(map.range[0], close).includes('#')) return undefined;
    let at = close;
    while (at > 0 && /[ \t]/.test(text[at - 1] ?? '')) at--;
    return { at, text: `${map.items.length > 0 ? ', ' : ''}${pairText(key, value)}` };
  }
  const first = map.items[0]?.key as { range?: number[] } | undefined;
  const last = map.items[map.items.length - 1];
  const lastEnd = (last?.value as { range?: number[] } | null | undefined)?.range ?? (last?.key as { range?: number[] } | undefined)?.range;
  if (first?.range === undefined || lastEnd === undefined) return undefined;
  const column = (first.range[0] ?? 0) - lineStart(text, first.range[0] ?? 0);
  const at = lineEnd(text, contentEnd(text, lastEnd));
  const newline = at === text.length && !text.endsWith('\n') ? eol : '';
  return { at, text: `${newline}${' '.repeat(column)}${pairText(key, value)}${eol}` };
}

function appendItem(text: string, seq: YAMLSeq, value: unknown, eol: string): Insert | undefined {
  if (seq.flow === true || seq.items.length === 0) return undefined;
  const ranges = (seq.items as { range?: number[] }[]).map((n) => n.range);
  const starts = ranges.map((r) => r?.[0]);
  if (starts.some((s) => s === undefined)) return undefined;
  const prefixes = (starts as number[]).map((s) => text.slice(lineStart(text, s), s));
  // Each item must open its own line as `<indent>- `, with the same indent throughout.
  if (!prefixes.every((p) => /^ *- +$/.test(p))) return undefined;
  const indent = /^ */.exec(prefixes[0] ?? '')?.[0] ?? '';
  if (!prefixes.every((p) => p.startsWith(`${indent}-`))) return undefined;
  const at = lineEnd(text, contentEnd(text, ranges[ranges.length - 1] as number[]));
  const newline = at === text.length && !text.endsWith('\n') ? eol : '';
  const block = blockValue([value])
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${indent}${line}${eol}`)
    .join('');
  return { at, text: newline + block };
}

/** `key: value` on one line, a collection in flow style: `final: { progress: 0.5, current: 4 }`. */
function pairText(key: string, value: unknown): string {
  return `${key}: ${flowValue(value, key)}`;
}

function flowValue(value: unknown, key: string): string {
  return withPlainDates(value, key, (v) => {
    const doc = new Document(v, { compat: 'yaml-1.1' });
    if (isMap(doc.contents) || isSeq(doc.contents)) doc.contents.flow = true;
    return doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).trimEnd();
  });
}

/** A value as block YAML, quoted wherever a YAML 1.1 or 1.2 reader would misread a string (as the core's export writes it). */
function blockValue(value: unknown): string {
  return withPlainDates(value, undefined, (v) => {
    const doc = new Document(v, { compat: 'yaml-1.1' });
    // Lists of plain values (links) on one line, as plan files write them.
    visit(doc, { Seq: (_, seq) => void (seq.items.every(isScalar) && seq.items.length > 0 ? (seq.flow = true) : undefined) });
    return doc.toString({ lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  });
}

/** The plan's own date fields: written unquoted, as plan files write them (both readers take either). */
const DATE_KEYS = new Set(['closed', 'start', 'end', 'at']);

/**
 * Renders `value` with its date fields unquoted: a YAML 1.1 writer quotes `2026-10-01` (a 1.1
 * reader would make it a timestamp), which the plan's date fields accept, so the quotes are only
 * noise. Each such date is rendered as a token no text can contain, then put back bare.
 */
function withPlainDates(value: unknown, key: string | undefined, render: (value: unknown) => string): string {
  const nonce = randomBytes(6).toString('hex');
  const dates: string[] = [];
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string' && key !== undefined && DATE_KEYS.has(key) && isIsoDate(v)) {
      dates.push(v);
      return `okrdate${nonce}n${dates.length - 1}`;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  const text = render(walk(value, key));
  return text.replace(new RegExp(`okrdate${nonce}n(\\d+)`, 'g'), (_, i: string) => dates[Number(i)] ?? '');
}
