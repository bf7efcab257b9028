// A parser for the subset of WIQL the product sends: flat queries on Id, Title, TeamProject,
// WorkItemType and State, and for measures (SPEC §8) on Tags, Priority, AreaPath (UNDER) and the
// estimate fields (numeric comparisons), and the hierarchy link query (`FROM WorkItemLinks ... MODE (...)`).
// Anything else is refused with a WiqlError, which the server answers as a 400, so a new query
// in the adapter fails loudly here instead of passing against an emulator that guessed.

export type WiqlValue = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'macro'; name: string };

export type WiqlOperator = '=' | '<>' | 'IN' | 'CONTAINS' | '<' | '>' | '<=' | '>=' | 'UNDER';

export interface WiqlCondition {
  /** `[Source].` or `[Target].` in link queries. */
  side?: 'Source' | 'Target';
  field: string;
  operator: WiqlOperator;
  values: WiqlValue[];
}

export interface WiqlQuery {
  from: 'WorkItems' | 'WorkItemLinks';
  select: string[];
  /** All must hold (only AND is supported). */
  where: WiqlCondition[];
  orderBy: { field: string; descending: boolean }[];
  mode?: 'MustContain' | 'MayContain';
}

export class WiqlError extends Error {
  constructor(
    readonly kind: 'syntax' | 'unsupported' | 'unknown-field',
    message: string,
  ) {
    super(message);
    this.name = 'WiqlError';
  }
}

/** Fields the emulator knows by reference name (a query naming another one gets TF51005). */
export const WIQL_FIELDS: Record<string, string> = {
  'System.Id': 'ID',
  'System.Title': 'Title',
  'System.TeamProject': 'Team Project',
  'System.WorkItemType': 'Work Item Type',
  'System.State': 'State',
  'System.AreaPath': 'Area Path',
  'System.ChangedDate': 'Changed Date',
  'System.CreatedDate': 'Created Date',
  'System.Parent': 'Parent',
  'System.Links.LinkType': 'Link Type',
  'Microsoft.VSTS.Scheduling.StoryPoints': 'Story Points',
  'Microsoft.VSTS.Scheduling.Effort': 'Effort',
  'Microsoft.VSTS.Scheduling.Size': 'Size',
  'System.Tags': 'Tags',
  'Microsoft.VSTS.Common.Priority': 'Priority',
};

const NUMERIC: WiqlOperator[] = ['=', '<>', 'IN', '<', '>', '<=', '>='];

/** Fields a WHERE clause may test here, with the operators each supports. */
const CONDITIONS: Record<string, WiqlOperator[]> = {
  'System.Id': ['=', '<>', 'IN'],
  'System.Title': ['=', '<>', 'CONTAINS'],
  'System.TeamProject': ['=', '<>', 'IN'],
  'System.WorkItemType': ['=', '<>', 'IN'],
  'System.State': ['=', '<>', 'IN'],
  'System.Links.LinkType': ['='],
  // §8 measures
  'System.Tags': ['CONTAINS'],
  'System.AreaPath': ['=', '<>', 'UNDER'],
  'Microsoft.VSTS.Common.Priority': NUMERIC,
  'Microsoft.VSTS.Scheduling.StoryPoints': NUMERIC,
  'Microsoft.VSTS.Scheduling.Effort': NUMERIC,
  'Microsoft.VSTS.Scheduling.Size': NUMERIC,
};

const SORTABLE = new Set(['System.Id', 'System.Title', 'System.ChangedDate', 'System.CreatedDate', 'Microsoft.VSTS.Common.Priority']);

type Token =
  | { t: 'field'; v: string }
  | { t: 'word'; v: string }
  | { t: 'number'; v: number }
  | { t: 'string'; v: string }
  | { t: 'macro'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' | '.' };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '[') {
      const end = text.indexOf(']', i);
      if (end < 0) throw new WiqlError('syntax', 'Expecting «]» to close the field name.');
      tokens.push({ t: 'field', v: text.slice(i + 1, end).trim() });
      i = end + 1;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new WiqlError('syntax', 'Expecting a closing quote for a string.');
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ t: 'string', v: value });
      i = j + 1;
    } else if (/\d/.test(c)) {
      const m = /^\d+(\.\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ t: 'number', v: Number(m[0]) });
      i += m[0].length;
    } else if (c === '@') {
      const m = /^@[A-Za-z]+/.exec(text.slice(i));
      if (!m) throw new WiqlError('syntax', 'Expecting a macro name after «@».');
      tokens.push({ t: 'macro', v: m[0].slice(1).toLowerCase() });
      i += m[0].length;
    } else if (text.startsWith('<>', i) || text.startsWith('<=', i) || text.startsWith('>=', i)) {
      tokens.push({ t: 'op', v: text.slice(i, i + 2) });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      tokens.push({ t: 'op', v: c });
      i++;
    } else if (c === '(' || c === ')' || c === ',' || c === '.') {
      tokens.push({ t: 'punct', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ t: 'word', v: m[0] });
      i += m[0].length;
    } else {
      throw new WiqlError('syntax', `Unexpected character «${c}».`);
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  next(): Token | undefined {
    return this.tokens[this.at++];
  }

  isWord(word: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v.toUpperCase() === word;
  }

  word(word: string): void {
    if (!this.isWord(word)) throw new WiqlError('syntax', `Expecting «${word}»${this.near()}.`);
    this.at++;
  }

  punct(p: '(' | ')' | ',' | '.'): boolean {
    const t = this.peek();
    if (t?.t === 'punct' && t.v === p) {
      this.at++;
      return true;
    }
    return false;
  }

  field(): string {
    const t = this.next();
    if (t?.t !== 'field') throw new WiqlError('syntax', `Expecting a field name in brackets${this.near(-1)}.`);
    return resolveField(t.v);
  }

  near(offset = 0): string {
    const t = this.tokens[this.at + offset];
    return t ? ` near «${String(t.v)}»` : ' at the end of the query';
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }
}

function resolveField(name: string): string {
  const known = Object.keys(WIQL_FIELDS).find((f) => f.toLowerCase() === name.toLowerCase());
  if (!known) {
    throw new WiqlError('unknown-field', `TF51005: The query references a field that does not exist. The error is caused by «[${name}]».`);
  }
  return known;
}

function value(p: Parser): WiqlValue {
  const t = p.next();
  if (t?.t === 'number') return { kind: 'number', value: t.v };
  if (t?.t === 'string') return { kind: 'string', value: t.v };
  if (t?.t === 'macro') return { kind: 'macro', name: t.v };
  throw new WiqlError('syntax', `Expecting a value${p.near(-1)}.`);
}

function condition(p: Parser, from: WiqlQuery['from']): WiqlCondition {
  let side: WiqlCondition['side'];
  let field: string;
  const first = p.peek();
  if (first?.t === 'field' && /^(source|target)$/i.test(first.v) && p.peek(1)?.t === 'punct') {
    p.next();
    p.punct('.');
    side = first.v.toLowerCase() === 'source' ? 'Source' : 'Target';
    if (from !== 'WorkItemLinks') throw new WiqlError('syntax', `[${side}] is only valid in a WorkItemLinks query.`);
    field = p.field();
  } else {
    field = p.field();
  }
  const op = p.next();
  let operator: WiqlOperator;
  if (op?.t === 'op' && (op.v === '=' || op.v === '<>' || op.v === '<' || op.v === '>' || op.v === '<=' || op.v === '>=')) operator = op.v;
  else if (op?.t === 'word' && op.v.toUpperCase() === 'UNDER') operator = 'UNDER';
  else if (op?.t === 'word' && op.v.toUpperCase() === 'IN') operator = 'IN';
  else if (op?.t === 'word' && op.v.toUpperCase() === 'CONTAINS') operator = 'CONTAINS';
  else throw new WiqlError('unsupported', `The emulator does not support the operator${p.near(-1)}.`);
  const allowed = CONDITIONS[field];
  if (!allowed?.includes(operator)) {
    throw new WiqlError('unsupported', `The emulator does not support ${operator} on [${field}].`);
  }
  if (field === 'System.Links.LinkType' && from !== 'WorkItemLinks') {
    throw new WiqlError('syntax', '[System.Links.LinkType] is only valid in a WorkItemLinks query.');
  }
  const values: WiqlValue[] = [];
  if (operator === 'IN') {
    if (!p.punct('(')) throw new WiqlError('syntax', `Expecting «(» after IN${p.near()}.`);
    do values.push(value(p));
    while (p.punct(','));
    if (!p.punct(')')) throw new WiqlError('syntax', `Expecting «)» to close the IN list${p.near()}.`);
  } else {
    values.push(value(p));
  }
  return { ...(side ? { side } : {}), field, operator, values };
}

/** The conditions of a WHERE clause joined by AND, optionally parenthesised. */
function conditions(p: Parser, from: WiqlQuery['from']): WiqlCondition[] {
  const out: WiqlCondition[] = [];
  for (;;) {
    if (p.isWord('NOT')) throw new WiqlError('unsupported', 'The emulator does not support NOT.');
    if (p.punct('(')) {
      out.push(...conditions(p, from));
      if (!p.punct(')')) throw new WiqlError('syntax', `Expecting «)»${p.near()}.`);
    } else {
      out.push(condition(p, from));
    }
    if (p.isWord('OR')) throw new WiqlError('unsupported', 'The emulator does not support OR.');
    if (!p.isWord('AND')) return out;
    p.word('AND');
  }
}

export function parseWiql(text: string): WiqlQuery {
  const p = new Parser(tokenize(text));
  p.word('SELECT');
  const select = [p.field()];
  while (p.punct(',')) select.push(p.field());
  p.word('FROM');
  const source = p.next();
  const fromWord = source?.t === 'word' ? source.v.toLowerCase() : '';
  if (fromWord !== 'workitems' && fromWord !== 'workitemlinks') {
    throw new WiqlError('unsupported', 'The emulator supports FROM WorkItems and FROM WorkItemLinks only.');
  }
  const from: WiqlQuery['from'] = fromWord === 'workitems' ? 'WorkItems' : 'WorkItemLinks';
  const query: WiqlQuery = { from, select, where: [], orderBy: [] };
  if (p.isWord('WHERE')) {
    p.word('WHERE');
    query.where = conditions(p, from);
  }
  if (p.isWord('ORDER')) {
    p.word('ORDER');
    p.word('BY');
    do {
      const field = p.field();
      if (!SORTABLE.has(field)) throw new WiqlError('unsupported', `The emulator cannot sort by [${field}].`);
      let descending = false;
      if (p.isWord('DESC')) {
        p.word('DESC');
        descending = true;
      } else if (p.isWord('ASC')) {
        p.word('ASC');
      }
      query.orderBy.push({ field, descending });
    } while (p.punct(','));
  }
  if (p.isWord('MODE')) {
    if (from !== 'WorkItemLinks') throw new WiqlError('syntax', 'MODE is only valid in a WorkItemLinks query.');
    p.word('MODE');
    if (!p.punct('(')) throw new WiqlError('syntax', `Expecting «(» after MODE${p.near()}.`);
    const mode = p.next();
    const name = mode?.t === 'word' ? mode.v.toLowerCase() : '';
    if (name === 'mustcontain') query.mode = 'MustContain';
    else if (name === 'maycontain') query.mode = 'MayContain';
    else throw new WiqlError('unsupported', 'The emulator supports MODE (MustContain) and MODE (MayContain) only.');
    if (!p.punct(')')) throw new WiqlError('syntax', `Expecting «)» after the mode${p.near()}.`);
  }
  if (!p.done()) throw new WiqlError('syntax', `Unexpected text${p.near()}.`);
  return query;
}
