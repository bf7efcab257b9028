// Runs a parsed WIQL query for one user and answers in the service's WorkItemQueryResult shape:
// flat queries list work items, hierarchy link queries list each matching source as a top-level
// row (`target` only) followed by its links, as in Microsoft's recorded examples. Only what the
// user may see takes part, on either end of a link.
import type { DatasetUser } from './dataset';
import { projectOf } from './dataset';
import type { EmulatedOrg, StoredWorkItem } from './emulated-org';
import { adoErrors, type AdoErrorReply } from './errors';
import { referenceUrl } from './work-item-json';
import { WIQL_FIELDS, WiqlError, type WiqlCondition, type WiqlQuery, type WiqlValue } from './wiql-parse';

export interface WiqlContext {
  org: EmulatedOrg;
  user: DatasetUser;
  /** The project of the route, which `@project` means. */
  project: string;
  orgUrl: string;
  top?: number;
  /** Most work items one query may return (the service: 20,000, VS402337 beyond). */
  resultCap: number;
}

export type WiqlReply = { status: 200; body: Record<string, unknown> } | AdoErrorReply;

const LINK_TYPES = new Set(['system.linktypes.hierarchy-forward', 'system.linktypes.hierarchy-reverse']);

function fieldValue(item: StoredWorkItem, field: string): string | number | undefined {
  switch (field) {
    case 'System.Id':
      return item.id;
    case 'System.Title':
      return item.title;
    case 'System.TeamProject':
      return projectOf(item.areaPath);
    case 'System.WorkItemType':
      return item.type;
    case 'System.State':
      return item.state;
    case 'System.ChangedDate':
      return item.changedDate;
    case 'System.CreatedDate':
      return item.createdDate;
    case 'System.AreaPath':
      return item.areaPath;
    case 'System.Tags':
      return item.tags?.join('; ');
    case 'Microsoft.VSTS.Common.Priority':
      return item.priority;
    case 'Microsoft.VSTS.Scheduling.StoryPoints':
      return item.storyPoints;
    case 'Microsoft.VSTS.Scheduling.Effort':
      return item.effort;
    case 'Microsoft.VSTS.Scheduling.Size':
      return item.size;
    default:
      return undefined;
  }
}

function resolve(value: WiqlValue, ctx: WiqlContext): string | number {
  if (value.kind !== 'macro') return value.value;
  if (value.name === 'project') return ctx.project;
  throw new WiqlError('unsupported', `The emulator does not support the macro @${value.name}.`);
}

function equal(actual: string | number | undefined, expected: string | number): boolean {
  if (actual === undefined) return false;
  if (typeof actual === 'number') return actual === Number(expected);
  // WIQL compares strings without regard to case.
  return actual.toLowerCase() === String(expected).toLowerCase();
}

function holds(item: StoredWorkItem, c: WiqlCondition, ctx: WiqlContext): boolean {
  const actual = fieldValue(item, c.field);
  const values = c.values.map((v) => resolve(v, ctx));
  switch (c.operator) {
    case '=':
      return equal(actual, values[0] as string | number);
    case '<>':
      return !equal(actual, values[0] as string | number);
    case 'IN':
      return values.some((v) => equal(actual, v));
    case 'CONTAINS':
      // On Tags, CONTAINS names a whole tag, as the service matches it.
      if (c.field === 'System.Tags') return (item.tags ?? []).some((t) => t.toLowerCase() === String(values[0]).toLowerCase());
      return String(actual ?? '').toLowerCase().includes(String(values[0]).toLowerCase());
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compareNumber(actual, c.operator, Number(values[0]));
    case 'UNDER': {
      const path = String(values[0]).toLowerCase();
      const own = String(actual ?? '').toLowerCase();
      return own === path || own.startsWith(`${path}\\`);
    }
  }
}

/** An empty field never compares, as in the service. */
function compareNumber(actual: string | number | undefined, operator: '<' | '>' | '<=' | '>=', expected: number): boolean {
  if (typeof actual !== 'number') return false;
  switch (operator) {
    case '<':
      return actual < expected;
    case '>':
      return actual > expected;
    case '<=':
      return actual <= expected;
    case '>=':
      return actual >= expected;
  }
}

function sorted(items: StoredWorkItem[], query: WiqlQuery): StoredWorkItem[] {
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'System.Id', descending: false }];
  return [...items].sort((a, b) => {
    for (const { field, descending } of order) {
      const x = fieldValue(a, field);
      const y = fieldValue(b, field);
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
      if (cmp !== 0) return descending ? -cmp : cmp;
    }
    return a.id - b.id;
  });
}

function fieldRef(name: string, orgUrl: string): Record<string, string> {
  return { referenceName: name, name: WIQL_FIELDS[name] ?? name, url: `${orgUrl}/_apis/wit/fields/${name}` };
}

function ref(id: number, ctx: WiqlContext): { id: number; url: string } {
  return { id, url: referenceUrl(ctx.orgUrl, id) };
}

export function runWiql(query: WiqlQuery, ctx: WiqlContext): WiqlReply {
  const base: Record<string, unknown> = {
    asOf: new Date().toISOString(),
    columns: query.select.map((f) => fieldRef(f, ctx.orgUrl)),
  };
  if (query.orderBy.length > 0) {
    base.sortColumns = query.orderBy.map((o) => ({ field: fieldRef(o.field, ctx.orgUrl), descending: o.descending }));
  }
  return query.from === 'WorkItems' ? flat(query, ctx, base) : links(query, ctx, base);
}

function flat(query: WiqlQuery, ctx: WiqlContext, base: Record<string, unknown>): WiqlReply {
  let items = sorted(
    ctx.org.allVisible(ctx.user).filter((i) => query.where.every((c) => holds(i, c, ctx))),
    query,
  );
  if (ctx.top !== undefined) items = items.slice(0, ctx.top);
  if (items.length > ctx.resultCap) return adoErrors.tooManyResults(ctx.resultCap);
  return {
    status: 200,
    body: { queryType: 'flat', queryResultType: 'workItem', ...base, workItems: items.map((i) => ref(i.id, ctx)) },
  };
}

function links(query: WiqlQuery, ctx: WiqlContext, base: Record<string, unknown>): WiqlReply {
  const typeConditions = query.where.filter((c) => c.field === 'System.Links.LinkType');
  const linkType = typeConditions[0] ? String(resolve(typeConditions[0].values[0] as WiqlValue, ctx)) : undefined;
  if (typeConditions.length !== 1 || linkType === undefined || !LINK_TYPES.has(linkType.toLowerCase())) {
    throw new WiqlError('unsupported', 'The emulator answers link queries on exactly one hierarchy link type.');
  }
  const forward = linkType.toLowerCase() === 'system.linktypes.hierarchy-forward';
  const rel = forward ? 'System.LinkTypes.Hierarchy-Forward' : 'System.LinkTypes.Hierarchy-Reverse';
  const onSource = query.where.filter((c) => c !== typeConditions[0] && c.side !== 'Target');
  const onTarget = query.where.filter((c) => c.side === 'Target');
  const mustContain = query.mode !== 'MayContain';

  const rows: Record<string, unknown>[] = [];
  const distinct = new Set<number>();
  const sources = sorted(ctx.org.allVisible(ctx.user).filter((i) => onSource.every((c) => holds(i, c, ctx))), query);
  for (const source of sources) {
    const related = forward
      ? ctx.org.visibleChildren(ctx.user, source.id)
      : source.parentId === undefined
        ? []
        : [ctx.org.visible(ctx.user, source.parentId)].filter((p): p is StoredWorkItem => p !== undefined);
    const targets = sorted(related.filter((t) => onTarget.every((c) => holds(t, c, ctx))), query);
    if (mustContain && targets.length === 0) continue;
    rows.push({ target: ref(source.id, ctx) });
    distinct.add(source.id);
    for (const target of targets) {
      rows.push({ rel, source: ref(source.id, ctx), target: ref(target.id, ctx) });
      distinct.add(target.id);
    }
  }
  if (distinct.size > ctx.resultCap) return adoErrors.tooManyResults(ctx.resultCap);
  return {
    status: 200,
    body: { queryType: 'oneHop', queryResultType: 'workItemLink', ...base, workItemRelations: rows },
  };
}
