// Rewrites the `workItems` of a YAML plan and nothing else. The first choice edits the text in
// place: unchanged items keep their exact bytes, changed items are re-rendered where they stand,
// removed ones lose their line, new ones get lines after the last item of their tracker; so every
// comment, quote and blank line elsewhere survives and a `git diff` shows only what the tracker
// changed. Layouts that edit cannot handle safely (a flow-style list, an empty result) go through
// the yaml library's Document instead: the other nodes are kept, so comments survive, but the
// library re-renders the spacing of the whole file.
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { WorkItem } from '../../core';
import { mergedItems, orderedItem, type Merge } from './merge';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The edited text, or undefined when the file's layout is not one this edit handles. */
export function spliceWorkItems(text: string, merge: Merge): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow === true) return undefined;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'workItems');
  const items = mergedItems(merge);
  // New lines follow the file's line endings (a plan edited on Windows keeps its CRLF).
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (pair === undefined) {
    if (items.length === 0) return text;
    const lines = items.map((item) => `  - ${renderItem(item, true, 4, eol)}${eol}`).join('');
    return `${text}${text === '' || text.endsWith('\n') ? '' : eol}workItems:${eol}${lines}`;
  }
  const seq = pair.value;
  if (!isSeq(seq) || seq.flow === true || seq.items.length === 0 || items.length === 0) return undefined;
  const nodes: YAMLMap[] = [];
  for (const node of seq.items as unknown[]) {
    if (!isMap(node) || !node.range) return undefined;
    nodes.push(node);
  }

  const lineStart = (pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = (pos: number): number => {
    const i = text.indexOf('\n', pos);
    return i < 0 ? text.length : i + 1;
  };
  const start = (n: YAMLMap): number => (n.range as [number, number, number])[0];
  const contentEnd = (n: YAMLMap): number => start(n) + text.slice(start(n), (n.range as [number, number, number])[1]).trimEnd().length;
  // Each item must open its own line as `<indent>- `, with the same indent throughout.
  const prefixes = nodes.map((n) => text.slice(lineStart(start(n)), start(n)));
  if (!prefixes.every((p) => /^ *- +$/.test(p))) return undefined;
  const indent = /^ */.exec(prefixes[0] as string)?.[0] ?? '';
  if (!prefixes.every((p) => p.startsWith(`${indent}-`))) return undefined;
  // The merge was made from this very list: every old item is either still there or removed.
  const survivors = merge.entries.filter((e) => e.kind !== 'added').length;
  if (survivors + merge.removed.length !== nodes.length) return undefined;
  const refAt = (from: number): unknown => nodes[from]?.get('ref');
  const flow = nodes.filter((n) => n.flow === true).length * 2 >= nodes.length;

  const edits: Edit[] = [];
  for (const { item, from } of merge.removed) {
    const node = nodes[from];
    if (node === undefined || refAt(from) !== item.ref) return undefined;
    edits.push({ start: lineStart(start(node)), end: lineEnd(contentEnd(node)), text: '' });
  }
  let anchor: number | undefined;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const last = nodes[nodes.length - 1] as YAMLMap;
    const at = lineEnd(contentEnd(anchor === undefined ? last : (nodes[anchor] as YAMLMap)));
    const newline = at === text.length && !text.endsWith('\n') ? eol : '';
    edits.push({ start: at, end: at, text: newline + pending.join('') });
    pending = [];
  };
  for (const entry of merge.entries) {
    if (entry.kind === 'added') {
      pending.push(`${indent}- ${renderItem(entry.item, flow, indent.length + 2, eol)}${eol}`);
      continue;
    }
    flush();
    anchor = entry.from;
    const node = nodes[entry.from];
    if (node === undefined || refAt(entry.from) !== entry.item.ref) return undefined;
    if (entry.kind === 'changed') {
      const column = start(node) - lineStart(start(node));
      edits.push({ start: start(node), end: contentEnd(node), text: renderItem(entry.item, node.flow === true, column, eol) });
    }
  }
  flush();
  // From the end backwards, so earlier offsets stay valid; at one offset a deletion goes before
  // an insertion, so the insertion is not swallowed by it.
  edits.sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start));
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The whole document re-rendered by the yaml library, with the other nodes (and their comments) kept. */
export function rewriteThroughDocument(text: string, merge: Merge): string {
  const doc = parseDocument(text, { uniqueKeys: true, compat: 'yaml-1.1' });
  const old = doc.get('workItems', true);
  const oldItems: unknown[] = isSeq(old) ? old.items : [];
  const flow = oldItems.length === 0 || oldItems.filter((n) => isMap(n) && n.flow === true).length * 2 >= oldItems.length;
  const seq = new YAMLSeq<unknown>(doc.schema);
  for (const entry of merge.entries) {
    const node = entry.kind === 'kept' ? oldItems[entry.from] : undefined;
    seq.items.push(node ?? itemNode(doc, entry.item, flow));
  }
  if (isSeq(old)) {
    seq.commentBefore = old.commentBefore;
    seq.comment = old.comment;
  }
  if (seq.items.length === 0) seq.flow = true;
  doc.set('workItems', seq);
  return doc.toString({ lineWidth: 0 });
}

/**
 * One item as YAML: refs double-quoted as the SPEC writes them, any other string quoted whenever
 * a YAML 1.1 or 1.2 reader would take it for something else. `column` indents the continuation
 * lines of a block mapping.
 */
export function renderItem(item: WorkItem, flow: boolean, column: number, eol = '\n'): string {
  const doc = new Document(null, { compat: 'yaml-1.1' });
  doc.contents = itemNode(doc, item, flow);
  const rendered = doc.toString({ lineWidth: 0 }).trimEnd();
  return flow ? rendered : rendered.split('\n').join(`${eol}${' '.repeat(column)}`);
}

function itemNode(doc: Document, item: WorkItem, flow: boolean): YAMLMap {
  const node = doc.createNode(orderedItem(item)) as YAMLMap;
  node.flow = flow;
  for (const key of ['ref', 'parent']) {
    const value = node.get(key, true) as Node | undefined;
    if (isScalar(value)) value.type = 'QUOTE_DOUBLE';
  }
  return node;
}
