// The plan file's new text after a measure run: the old text with only the recorded check-ins and
// readings changed. YAML goes through the yaml library's document, which keeps comments and the
// rest of the layout; JSON keeps its key order and indentation. Whatever the route, the text must
// read back as exactly the intended plan; if it does not, the core's lossless export is written
// (same values, comments lost) and the caller says so.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isNode, isSeq, parseDocument, type Document } from 'yaml';
import { exportPlan, type Plan, type PlanFormat } from '../../core';
import type { PlanMeasure } from '../../core';
import { readsAs } from '../pull/reads-as';

export interface RecordedText {
  text: string;
  /** `kept`: only the recorded entries changed; `values`: rewritten by the export. */
  fidelity: 'kept' | 'values';
}

/**
 * `measures` are the measures whose entries changed in `intended` (the file's plan with the new
 * values recorded): their lists are replaced in the text, entry by entry where they already exist.
 */
export function recordedText(text: string, format: PlanFormat, intended: Plan, measures: readonly PlanMeasure[]): RecordedText {
  const out = format === 'json' ? viaJson(text, intended, measures) : viaYaml(text, intended, measures);
  if (out !== undefined && readsAs(out, format, intended)) return { text: out, fidelity: 'kept' };
  return { text: exportPlan(intended, format), fidelity: 'values' };
}

type Path = (string | number)[];

/** Where the measured entries of this KR or KPI live, and the entries `intended` holds there. */
function entriesOf(intended: Plan, measure: PlanMeasure): { path: Path; entries: unknown[] } {
  const owner = measure.path.replace(/\.measure$/, '');
  const path: Path = owner.split('.').flatMap((part) => {
    const m = /^(\w+)(?:\[(\d+)\])?$/.exec(part);
    if (!m) throw new Error(`unexpected path ${measure.path}`);
    return m[2] === undefined ? [m[1] as string] : [m[1] as string, Number(m[2])];
  });
  const list = measure.kind === 'kpi' ? 'readings' : 'checkIns';
  let node: unknown = intended;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return { path: [...path, list], entries: ((node as Record<string, unknown>)[list] as unknown[] | undefined) ?? [] };
}

function viaYaml(text: string, intended: Plan, measures: readonly PlanMeasure[]): string | undefined {
  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: true });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const measure of measures) {
    const { path, entries } = entriesOf(intended, measure);
    const seq = doc.getIn(path, true);
    if (isSeq(seq)) {
      // Entries before those a run wrote are untouched, so their comments and quoting stay.
      entries.forEach((entry, i) => {
        const existing: unknown = seq.items[i];
        const current = isNode(existing) ? (existing.toJSON() as unknown) : existing;
        if (existing === undefined) seq.items.push(doc.createNode(entry));
        else if (!isDeepStrictEqual(normalise(current), normalise(entry))) seq.items[i] = doc.createNode(entry);
      });
      seq.items.length = entries.length;
    } else {
      doc.setIn(path, doc.createNode(entries));
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Dates may be strings or (YAML 1.1) Date objects in the document; compare them as days. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v))) as unknown;
}

function viaJson(text: string, intended: Plan, measures: readonly PlanMeasure[]): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  for (const measure of measures) {
    const { path, entries } = entriesOf(intended, measure);
    let node = data as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
    node[path[path.length - 1] as string] = entries;
  }
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const out = JSON.stringify(data, null, indent);
  return text.endsWith('\n') ? `${out}\n` : out;
}
