// The subset of JQL the emulator understands: `parent`, `key` (`issuekey`, `issue`, `id`),
// `project` with `=` / `in`; `text` and `summary` with `~`; AND, OR, parentheses; `ORDER BY key`.
// Anything else is refused with the kind of message Jira gives, so an adapter that drifts into
// JQL we do not emulate fails loudly here instead of passing against a lenient fake.

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export type ClauseField = 'parent' | 'key' | 'project' | 'text' | 'summary';

export type JqlNode =
  | { kind: 'and' | 'or'; parts: JqlNode[] }
  | { kind: 'in'; field: 'parent' | 'key' | 'project'; values: string[] }
  | { kind: 'contains'; field: 'text' | 'summary'; value: string };

export interface JqlQuery {
  where?: JqlNode;
  orderBy: { field: 'key'; direction: 'asc' | 'desc' }[];
}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; text: string; at: number }
  | { type: 'punct'; text: '(' | ')' | ','; at: number }
  | { type: 'op'; text: string; at: number }
  | { type: 'eof'; at: number };

const FIELD_ALIASES: Record<string, ClauseField> = {
  parent: 'parent',
  key: 'key',
  issuekey: 'key',
  issue: 'key',
  id: 'key',
  project: 'project',
  text: 'text',
  summary: 'summary',
};

/** Real Jira fields the emulator knows exist but does not search on. */
const KNOWN_UNSUPPORTED = new Set([
  'status', 'statuscategory', 'assignee', 'reporter', 'issuetype', 'type', 'resolution', 'created', 'updated',
  'labels', 'priority', 'sprint', 'description', 'comment', 'component', 'fixversion', 'duedate', 'resolved',
]);

const RESERVED_CHARS = new Set(['+', '.', ';', '?', '|', '*', '/', '%', '^', '$', '#', '@', '[', ']']);
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'in', 'order', 'by', 'is', 'empty', 'null', 'was', 'changed']);

export function parseJql(source: string): JqlQuery {
  return new Parser(tokenize(source)).query();
}

function positioned(message: string, at: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${message} (line 1, character ${at + 1})`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: 'punct', text: ch, at: i });
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i;
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw positioned(`Missing closing quote ${ch}.`, start);
        const c = source[i] as string;
        if (c === ch) break;
        if (c === '\\') {
          const [unescaped, width] = unescape(source, i);
          text += unescaped;
          i += width;
        } else {
          text += c;
          i++;
        }
      }
      i++;
      tokens.push({ type: 'string', text, at: start });
    } else if ('=!<>~'.includes(ch)) {
      const two = source.slice(i, i + 2);
      const op = ['!=', '!~', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw positioned("Expecting '=' or '~' after '!'.", i);
      tokens.push({ type: 'op', text: op, at: i });
      i += op.length;
    } else {
      const start = i;
      let text = '';
      while (i < source.length && !/[\s()=!<>~,"']/.test(source[i] as string)) {
        const c = source[i] as string;
        if (RESERVED_CHARS.has(c)) {
          const code = c.charCodeAt(0).toString(16).padStart(4, '0');
          throw positioned(
            `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`,
            i,
          );
        }
        if (c === '\\') {
          const [unescaped, width] = unescape(source, i);
          text += unescaped;
          i += width;
        } else {
          text += c;
          i++;
        }
      }
      tokens.push({ type: 'word', text, at: start });
    }
  }
  tokens.push({ type: 'eof', at: source.length });
  return tokens;
}

/** A JQL escape at `source[i] === '\\'`: the character it stands for and how many it spans. */
function unescape(source: string, i: number): [string, number] {
  const next = source[i + 1] ?? '';
  switch (next) {
    case '"':
    case "'":
    case '\\':
    case ' ':
      return [next, 2];
    case 'n':
      return ['\n', 2];
    case 'r':
      return ['\r', 2];
    case 't':
      return ['\t', 2];
    case 'u': {
      const hex = source.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), 6];
      break;
    }
    default:
      break;
  }
  throw positioned(`'\\${next}' is an illegal JQL escape sequence.`, i);
}

class Parser {
  private pos = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): JqlQuery {
    let where: JqlNode | undefined;
    if (!this.isKeyword('order') && this.peek().type !== 'eof') where = this.or();
    const orderBy: JqlQuery['orderBy'] = [];
    if (this.isKeyword('order')) {
      this.pos++;
      if (!this.isKeyword('by')) throw positioned("Expecting 'by' after 'order'.", this.peek().at);
      this.pos++;
      do {
        const field = this.peek();
        if (field.type !== 'word' && field.type !== 'string') throw positioned('Expecting a field name to order by.', field.at);
        this.pos++;
        const name = field.text.toLowerCase();
        if (name !== 'key' && name !== 'issuekey') {
          throw new JqlError(`Ordering by '${field.text}' is not supported by the Jira emulator (only key).`);
        }
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword('asc') || this.isKeyword('desc')) {
          direction = (this.next() as { text: string }).text.toLowerCase() as 'asc' | 'desc';
        }
        orderBy.push({ field: 'key', direction });
      } while (this.takePunct(','));
    }
    const rest = this.peek();
    if (rest.type !== 'eof') throw positioned(`Expecting either 'OR' or 'AND' but got '${tokenText(rest)}'.`, rest.at);
    return { where, orderBy };
  }

  private or(): JqlNode {
    const parts = [this.and()];
    while (this.isKeyword('or')) {
      this.pos++;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as JqlNode) : { kind: 'or', parts };
  }

  private and(): JqlNode {
    const parts = [this.atom()];
    while (this.isKeyword('and')) {
      this.pos++;
      parts.push(this.atom());
    }
    return parts.length === 1 ? (parts[0] as JqlNode) : { kind: 'and', parts };
  }

  private atom(): JqlNode {
    if (this.takePunct('(')) {
      const inner = this.or();
      if (!this.takePunct(')')) throw positioned(`Expecting ')' but got '${tokenText(this.peek())}'.`, this.peek().at);
      return inner;
    }
    if (this.isKeyword('not')) throw new JqlError('The NOT operator is not supported by the Jira emulator.');
    return this.clause();
  }

  private clause(): JqlNode {
    const fieldToken = this.next();
    if (fieldToken.type !== 'word' && fieldToken.type !== 'string') {
      throw positioned(`Expecting a field name but got '${tokenText(fieldToken)}'.`, fieldToken.at);
    }
    const name = fieldToken.text.toLowerCase();
    const field = FIELD_ALIASES[name];
    if (!field) {
      if (KNOWN_UNSUPPORTED.has(name) || /^cf\[\d+\]$/.test(name) || /^customfield_\d+$/.test(name)) {
        throw new JqlError(
          `Field '${fieldToken.text}' is not supported by the Jira emulator (supported: parent, key, project, text, summary).`,
        );
      }
      throw new JqlError(`Field '${fieldToken.text}' does not exist or you do not have permission to view it.`);
    }
    const operator = this.operator();
    if (field === 'text' || field === 'summary') {
      if (operator !== '~') throw new JqlError(`The operator '${operator}' is not supported by the '${fieldToken.text}' field.`);
      const value = this.next();
      if (value.type !== 'string' && value.type !== 'word') {
        throw positioned(`Expecting a string but got '${tokenText(value)}'.`, value.at);
      }
      return { kind: 'contains', field, value: value.text };
    }
    if (operator !== '=' && operator !== 'in') {
      throw new JqlError(`The operator '${operator}' is not supported by the '${fieldToken.text}' field.`);
    }
    const values = operator === 'in' ? this.list() : [this.value()];
    return { kind: 'in', field, values };
  }

  private operator(): string {
    const t = this.next();
    if (t.type === 'op') return t.text;
    if (t.type === 'word') {
      const word = t.text.toLowerCase();
      if (word === 'in') return 'in';
      if (word === 'not' && this.isKeyword('in')) {
        this.pos++;
        return 'not in';
      }
      if (word === 'is' || word === 'was' || word === 'changed') return word;
    }
    throw positioned(`Expecting operator but got '${tokenText(t)}'.`, t.at);
  }

  private list(): string[] {
    if (!this.takePunct('(')) throw positioned(`Expecting '(' but got '${tokenText(this.peek())}'.`, this.peek().at);
    const values = [this.value()];
    while (this.takePunct(',')) values.push(this.value());
    if (!this.takePunct(')')) throw positioned(`Expecting ')' but got '${tokenText(this.peek())}'.`, this.peek().at);
    return values;
  }

  private value(): string {
    const t = this.next();
    if (t.type === 'string') return t.text;
    if (t.type === 'word') {
      if (RESERVED_WORDS.has(t.text.toLowerCase())) {
        throw positioned(`'${t.text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, t.at);
      }
      return t.text;
    }
    throw positioned(`Expecting a value but got '${tokenText(t)}'.`, t.at);
  }

  private peek(): Token {
    return this.tokens[this.pos] ?? { type: 'eof', at: 0 };
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.pos++;
    return t;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.text.toLowerCase() === word;
  }

  private takePunct(p: '(' | ')' | ','): boolean {
    const t = this.peek();
    if (t.type === 'punct' && t.text === p) {
      this.pos++;
      return true;
    }
    return false;
  }
}

function tokenText(t: Token): string {
  return t.type === 'eof' ? 'EOF' : t.text;
}
