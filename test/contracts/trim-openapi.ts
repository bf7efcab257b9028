// Cuts an OpenAPI 3 description down to chosen paths and the component schemas they reach, so
// the repository can carry the part of Atlassian's 2.3 MB contract its tests use. Kept paths and
// schemas are copied verbatim (descriptions, examples, `additionalProperties: false`), so a
// validator sees exactly what the vendor published for them.
type Json = Record<string, unknown>;

const SCHEMA_REF = /^#\/components\/schemas\/(.+)$/;

export interface TrimmedOpenApi {
  doc: Json;
  /** Paths kept beyond the requested ones because a requested template would swallow them. */
  addedForRouting: string[];
}

export function trimOpenApi(source: Json, wanted: readonly string[]): TrimmedOpenApi {
  const paths = (source.paths ?? {}) as Json;
  const missing = wanted.filter((p) => !(p in paths));
  if (missing.length > 0) throw new Error(`the source contract has no path ${missing.join(', ')}`);

  const keep = new Set(wanted);
  const addedForRouting = Object.keys(paths).filter((p) => !keep.has(p) && wanted.some((w) => couldOutrank(p, w)));
  for (const p of addedForRouting) keep.add(p);

  const keptPaths: Json = {};
  for (const p of Object.keys(paths)) if (keep.has(p)) keptPaths[p] = paths[p];

  const components = (source.components ?? {}) as Json;
  const allSchemas = (components.schemas ?? {}) as Json;
  const reached = new Set<string>();
  const queue = collectSchemaRefs(keptPaths);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    if (!(name in allSchemas)) throw new Error(`the source contract refers to a missing schema ${name}`);
    reached.add(name);
    queue.push(...collectSchemaRefs(allSchemas[name]));
  }
  const schemas: Json = {};
  for (const name of Object.keys(allSchemas).sort()) if (reached.has(name)) schemas[name] = allSchemas[name];

  const usedTags = new Set(
    Object.values(keptPaths).flatMap((item) =>
      Object.values(item as Json).flatMap((op) => ((op as { tags?: unknown }).tags as string[] | undefined) ?? []),
    ),
  );
  const doc: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'paths') doc.paths = keptPaths;
    else if (key === 'components') doc.components = { ...components, schemas };
    else if (key === 'tags' && Array.isArray(value)) doc.tags = value.filter((t: { name?: string }) => usedTags.has(t.name ?? ''));
    else if (key.startsWith('x-')) continue; // vendor narrative (prose pages), not contract
    else doc[key] = value;
  }
  return { doc, addedForRouting };
}

/** Every `#/components/schemas/X` named anywhere inside `node`. */
export function collectSchemaRefs(node: unknown): string[] {
  const found: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [key, value] of Object.entries(n as Json)) {
        if (key === '$ref' && typeof value === 'string') {
          const match = SCHEMA_REF.exec(value);
          if (match?.[1]) found.push(decodeURIComponent(match[1]).replace(/~1/g, '/').replace(/~0/g, '~'));
        } else walk(value);
      }
    }
  };
  walk(node);
  return found;
}

/**
 * Whether some request both templates match would be routed to `other` rather than to `kept`
 * under OpenApiContract's rule (a `{param}` matches one segment; more literal characters win).
 * Without `other` in the trimmed contract, such a request would land on the wrong operation.
 */
function couldOutrank(other: string, kept: string): boolean {
  const a = other.split('/');
  const b = kept.split('/');
  if (a.length !== b.length) return false;
  const overlap = a.every((seg, i) => isParam(seg) || isParam(b[i]!) || seg === b[i]);
  return overlap && literalChars(other) >= literalChars(kept);
}

const isParam = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);
const literalChars = (template: string): number => template.replace(/\{[^}]+\}/g, '').length;
