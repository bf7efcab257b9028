// Runs a parsed JQL query (Atlassian's AST, see jql.ts) over the issues one user may see. Values
// are resolved the way Jira resolves them: a key the user cannot see matches nothing (as if it
// did not exist); a project the user cannot browse, or a status, type, priority or resolution
// the site does not have, is an error naming the value, as Jira answers. `field != x` and
// `NOT IN` never match issues where the field is empty, as in Jira.
import type { Clause, Operand, OrderByField, Query, TerminalClause } from '@atlassianlabs/jql-ast';
import { compareKeys, PRIORITIES, projectOf, type EmulatedProject } from './dataset';
import { decodeJqlString, JqlError } from './jql';
import { isEpicType, type StoredIssue } from './render';
import { compileTextQuery } from './text-match';

export interface SearchContext {
  /** Issues the user may see. */
  visible: readonly StoredIssue[];
  /** Finds a visible issue by key (any case) or numeric id. */
  findVisible(keyOrId: string): StoredIssue | undefined;
  /** Any issue by key, visible or not (for what an issue's own fields say about its parent). */
  anyIssue(key: string): StoredIssue | undefined;
  /** Projects the user may browse. */
  projects: readonly (EmulatedProject & { id: string })[];
  /** Status names of the site, lower-cased, with their ids. */
  statuses: ReadonlyMap<string, string>;
  /** Issue type names of the site, lower-cased. */
  issueTypes: ReadonlySet<string>;
  /** Resolution names of the site. */
  resolutions: readonly string[];
  storyPointField: { id: string; name: string };
  epicLinkField: { id: string; name: string };
  /** Other custom fields, with the values issues hold in `custom`. */
  otherCustomFields: readonly { id: string; name: string; type: 'number' | 'string' }[];
}

type Value = string | number;
type Kind = 'id' | 'text' | 'number' | 'date';

interface FieldDef {
  /** As Jira names the field in messages. */
  name: string;
  kind: Kind;
  /** The issue's values; none means EMPTY. */
  values(issue: StoredIssue): Value[];
  /** An operand as a comparable value; throws JqlError for values the site does not have. */
  resolve(raw: string): Value;
  /** For `~`: the text searched. */
  text?(issue: StoredIssue): string;
}

const NOTHING = '\u0000nothing';
/** What a value resolves to when it means "no value" (`resolution = Unresolved`). */
const EMPTY = '\u0000empty';
const CATEGORY_ALIASES: Record<string, string> = {
  new: 'new', 'to do': 'new', '2': 'new',
  indeterminate: 'indeterminate', 'in progress': 'indeterminate', '4': 'indeterminate',
  done: 'done', '3': 'done',
  undefined: 'undefined', 'no category': 'undefined', '1': 'undefined',
};
/** Fields Jira has that the emulator does not search on (refused with a clear message). */
const KNOWN_UNSUPPORTED = new Set([
  'assignee', 'reporter', 'creator', 'updated', 'updateddate', 'sprint', 'component', 'fixversion', 'affectedversion', 'duedate', 'resolved',
  'resolutiondate', 'comment', 'environment', 'watcher', 'voter', 'filter', 'lastviewed', 'duedate', 'team', 'statuscategorychangeddate',
]);

export function runQuery(query: Query | undefined, ctx: SearchContext): StoredIssue[] {
  if (!query?.where) {
    throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  const matches = compile(query.where, ctx);
  const order = sorter(query.orderBy ? query.orderBy.fields : [], ctx);
  return ctx.visible.filter(matches).sort(order);
}

function compile(clause: Clause, ctx: SearchContext): (issue: StoredIssue) => boolean {
  switch (clause.clauseType) {
    case 'compound': {
      const parts = clause.clauses.map((c) => compile(c, ctx));
      return clause.operator.value === 'and' ? (issue) => parts.every((p) => p(issue)) : (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compile(clause.clause, ctx);
      return (issue) => !inner(issue);
    }
    case 'terminal':
      return terminal(clause, ctx);
  }
}

function terminal(clause: TerminalClause, ctx: SearchContext): (issue: StoredIssue) => boolean {
  const fieldName = clause.field.value;
  if (clause.field.properties && clause.field.properties.length > 0) {
    throw new JqlError(`Entity properties in JQL ('${clause.field.text}') are not supported by the Jira emulator.`);
  }
  if (clause.predicates.length > 0) throw new JqlError('WAS and CHANGED predicates are not supported by the Jira emulator.');
  const field = fieldDef(fieldName, ctx);
  const operator = clause.operator ? clause.operator.value.toLowerCase() : '';
  const operand = clause.operand;
  if (!operand) throw new JqlError(`Error in the JQL Query: Expecting either a value, list or function after '${operator}'.`);
  const refuse = (): never => {
    throw new JqlError(`The operator '${operator}' is not supported by the '${fieldName}' field.`);
  };
  if (operator === '~' || operator === '!~') {
    if (field.kind !== 'text' || !field.text) return refuse();
    const value = single(operand, fieldName);
    if (value === undefined) return refuse();
    const matches = compileTextQuery(value, fieldName);
    const text = field.text.bind(field);
    return operator === '~' ? (issue) => matches(text(issue)) : (issue) => !matches(text(issue));
  }
  if (field.kind === 'text' && operator !== 'is' && operator !== 'is not') return refuse();
  switch (operator) {
    case 'is':
    case 'is not': {
      if (operand.operandType !== 'keyword') throw new JqlError(`The operator '${operator}' only supports EMPTY or NULL as a value.`);
      return operator === 'is' ? (issue) => field.values(issue).length === 0 : (issue) => field.values(issue).length > 0;
    }
    case '=':
    case '!=': {
      if (operand.operandType === 'keyword') {
        return operator === '=' ? (issue) => field.values(issue).length === 0 : (issue) => field.values(issue).length > 0;
      }
      const raw = single(operand, fieldName);
      if (raw === undefined) return refuse();
      const wanted = field.resolve(raw);
      if (wanted === EMPTY) {
        return operator === '=' ? (issue) => field.values(issue).length === 0 : (issue) => field.values(issue).length > 0;
      }
      return operator === '='
        ? (issue) => field.values(issue).some((v) => v === wanted)
        : (issue) => {
            const values = field.values(issue);
            return values.length > 0 && !values.includes(wanted);
          };
    }
    case 'in':
    case 'not in': {
      if (operand.operandType === 'function') single(operand, fieldName);
      if (operand.operandType !== 'list') throw new JqlError(`The operator '${operator}' only supports a list of values, as in '${fieldName} ${operator} (a, b)'.`);
      let empty = false;
      const wanted = new Set<Value>();
      for (const item of operand.values) {
        if (item.operandType === 'keyword') empty = true;
        else {
          const raw = single(item, fieldName);
          if (raw === undefined) return refuse();
          const value = field.resolve(raw);
          if (value === EMPTY) empty = true;
          else wanted.add(value);
        }
      }
      const hit = (issue: StoredIssue): boolean => {
        const values = field.values(issue);
        return (empty && values.length === 0) || values.some((v) => wanted.has(v));
      };
      return operator === 'in'
        ? hit
        : (issue) => field.values(issue).length > 0 && !hit(issue);
    }
    case '>':
    case '>=':
    case '<':
    case '<=': {
      if (field.kind !== 'number' && field.kind !== 'date') return refuse();
      const raw = single(operand, fieldName);
      if (raw === undefined) return refuse();
      const bound = field.resolve(raw) as number;
      const test = { '>': (v: number) => v > bound, '>=': (v: number) => v >= bound, '<': (v: number) => v < bound, '<=': (v: number) => v <= bound }[operator];
      return (issue) => field.values(issue).some((v) => typeof v === 'number' && test(v));
    }
    default:
      if (/^(was|changed)/.test(operator)) throw new JqlError('WAS and CHANGED predicates are not supported by the Jira emulator.');
      return refuse();
  }
}

/** The operand's one value; functions are refused, lists give undefined. */
function single(operand: Operand, field: string): string | undefined {
  switch (operand.operandType) {
    case 'value':
      return decodeJqlString(operand.text);
    case 'function':
      throw new JqlError(`The function '${operand.function.value}' is not supported by the Jira emulator (field '${field}').`);
    case 'keyword':
    case 'list':
      return undefined;
  }
}

function fieldDef(written: string, ctx: SearchContext): FieldDef {
  const name = written.trim().toLowerCase();
  const idField = (label: string, values: (i: StoredIssue) => Value[], resolve: (raw: string) => Value): FieldDef => ({ name: label, kind: 'id', values, resolve });
  const unknownValue = (label: string, raw: string): never => {
    throw new JqlError(`The value '${raw}' does not exist for the field '${label}'.`);
  };
  switch (name) {
    case 'parent':
      return idField(written, (i) => (i.parent ? [i.parent] : []), (raw) => ctx.findVisible(raw)?.key ?? NOTHING);
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      return idField(written, (i) => [i.key], (raw) => ctx.findVisible(raw)?.key ?? NOTHING);
    case 'project':
      return idField(written, (i) => [projectOf(i.key)], (raw) => resolveProject(raw, ctx));
    case 'text':
      return { name: written, kind: 'text', values: (i) => [i.summary], resolve: (raw) => raw, text: (i) => `${i.summary}\n${i.description ?? ''}` };
    case 'summary':
      return { name: written, kind: 'text', values: (i) => [i.summary], resolve: (raw) => raw, text: (i) => i.summary };
    case 'description':
      return { name: written, kind: 'text', values: (i) => (i.description ? [i.description] : []), resolve: (raw) => raw, text: (i) => i.description ?? '' };
    case 'statuscategory':
      return idField(written, (i) => [i.statusCategory], (raw) => CATEGORY_ALIASES[raw.trim().toLowerCase()] ?? unknownValue(written, raw));
    case 'status':
      return idField(written, (i) => [statusName(i).toLowerCase()], (raw) => {
        const wanted = raw.trim().toLowerCase();
        if (ctx.statuses.has(wanted)) return wanted;
        const byId = [...ctx.statuses].find(([, id]) => id === raw.trim());
        return byId ? byId[0] : unknownValue(written, raw);
      });
    case 'issuetype':
    case 'type':
      return idField(written, (i) => [i.issuetype.toLowerCase()], (raw) => (ctx.issueTypes.has(raw.trim().toLowerCase()) ? raw.trim().toLowerCase() : unknownValue(written, raw)));
    case 'labels':
      return idField(written, (i) => (i.labels ?? []).map((l) => l.toLowerCase()), (raw) => raw.trim().toLowerCase());
    case 'priority':
      return idField(written, (i) => [(i.priority ?? 'Medium').toLowerCase()], (raw) => {
        const wanted = raw.trim().toLowerCase();
        const byId = /^[1-5]$/.test(wanted) ? PRIORITIES[Number(wanted) - 1] : undefined;
        const found = byId ?? PRIORITIES.find((p) => p.toLowerCase() === wanted);
        return found ? found.toLowerCase() : unknownValue(written, raw);
      });
    case 'resolution':
      return idField(written, (i) => (i.resolution ? [i.resolution.toLowerCase()] : []), (raw) => {
        const wanted = raw.trim().toLowerCase();
        if (ctx.resolutions.some((r) => r.toLowerCase() === wanted)) return wanted;
        // "Unresolved" is JQL's word for no resolution.
        if (wanted === 'unresolved') return EMPTY;
        return unknownValue(written, raw);
      });
    case 'created':
    case 'createddate':
      return { name: written, kind: 'date', values: (i) => [Date.parse(i.created)], resolve: (raw) => parseDate(raw, written) };
    default:
      break;
  }
  const custom = customField(name, ctx);
  if (custom === ctx.storyPointField) {
    return { name: written, kind: 'number', values: (i) => (typeof i.storyPoints === 'number' ? [i.storyPoints] : []), resolve: (raw) => parseNumber(raw, written) };
  }
  if (custom === ctx.epicLinkField) {
    return idField(written, (i) => {
      const parent = i.parent === undefined ? undefined : ctx.anyIssue(i.parent);
      return parent && isEpicType(parent.issuetype) ? [parent.key] : [];
    }, (raw) => ctx.findVisible(raw)?.key ?? NOTHING);
  }
  if (custom) {
    const own = (i: StoredIssue): unknown => i.custom?.[custom.id];
    return 'type' in custom && custom.type === 'number'
      ? { name: written, kind: 'number', values: (i) => (typeof own(i) === 'number' ? [own(i) as number] : []), resolve: (raw) => parseNumber(raw, written) }
      : { name: written, kind: 'id', values: (i) => (typeof own(i) === 'string' ? [(own(i) as string).toLowerCase()] : []), resolve: (raw) => raw.trim().toLowerCase() };
  }
  if (KNOWN_UNSUPPORTED.has(name)) throw new JqlError(`Field '${written}' is not supported by the Jira emulator.`);
  throw new JqlError(`Field '${written}' does not exist or you do not have permission to view it.`);
}

/** `cf[10016]`, `customfield_10016` or the field's name. */
function customField(name: string, ctx: SearchContext): { id: string; name: string; type?: string } | undefined {
  const all = [ctx.storyPointField, ctx.epicLinkField, ...ctx.otherCustomFields];
  const cf = /^cf\[(\d+)\]$/.exec(name)?.[1];
  const id = cf !== undefined ? `customfield_${cf}` : name;
  return all.find((f) => f.id.toLowerCase() === id || f.name.toLowerCase() === name);
}

function statusName(issue: StoredIssue): string {
  return issue.statusName ?? { undefined: 'Open', new: 'To Do', indeterminate: 'In Progress', done: 'Done' }[issue.statusCategory];
}

function parseNumber(raw: string, field: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value)) throw new JqlError(`The value '${raw}' for field '${field}' is invalid. Please specify a number.`);
  return value;
}

function parseDate(raw: string, field: string): number {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2}))?$/.exec(raw.trim());
  if (!m) {
    throw new JqlError(
      `Date value '${raw}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd' (relative dates are not supported by the Jira emulator).`,
    );
  }
  const [, y, mo, d, h, mi] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
}

function resolveProject(value: string, ctx: SearchContext): string {
  const wanted = value.trim().toLowerCase();
  const project = ctx.projects.find((p) => p.key.toLowerCase() === wanted || p.name.toLowerCase() === wanted || p.id === value);
  if (!project) throw new JqlError(`The value '${value}' does not exist for the field 'project'.`);
  return project.key;
}

/** ORDER BY key, created, priority and rank (the emulator ranks issues in creation order). */
function sorter(fields: readonly OrderByField[], ctx: SearchContext): (a: StoredIssue, b: StoredIssue) => number {
  void ctx;
  const keys = fields.map((f) => {
    const name = f.field.value.trim().toLowerCase();
    const direction = f.direction?.value.toLowerCase() === 'desc' ? -1 : 1;
    let compare: (a: StoredIssue, b: StoredIssue) => number;
    switch (name) {
      case 'key':
      case 'issuekey':
        compare = (a, b) => compareKeys(a.key, b.key);
        break;
      case 'created':
      case 'createddate':
        compare = (a, b) => Date.parse(a.created) - Date.parse(b.created) || Number(a.id) - Number(b.id);
        break;
      case 'rank':
        compare = (a, b) => Number(a.id) - Number(b.id);
        break;
      case 'priority':
        // Jira orders priorities by their sequence: DESC puts Highest first.
        compare = (a, b) => priorityRank(a) - priorityRank(b);
        break;
      default:
        if (['summary', 'status', 'issuetype', 'type', 'project', 'resolution', 'updated', 'assignee'].includes(name)) {
          throw new JqlError(`Ordering by '${f.field.value}' is not supported by the Jira emulator (key, created, priority, rank).`);
        }
        throw new JqlError(`Field '${f.field.value}' does not exist or you do not have permission to view it.`);
    }
    return (a: StoredIssue, b: StoredIssue) => direction * compare(a, b);
  });
  return (a, b) => {
    for (const k of keys) {
      const c = k(a, b);
      if (c !== 0) return c;
    }
    return compareKeys(a.key, b.key);
  };
}

function priorityRank(issue: StoredIssue): number {
  const index = PRIORITIES.findIndex((p) => p.toLowerCase() === (issue.priority ?? 'Medium').toLowerCase());
  return PRIORITIES.length - index;
}
