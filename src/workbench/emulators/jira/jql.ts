// JQL parsing for the emulator with Atlassian's own grammar (@atlassianlabs/jql-ast, the ANTLR
// grammar Jira's editor uses), so the emulator accepts and refuses exactly the syntax Jira does.
// Syntax errors are worded the way Jira words them ("Error in the JQL Query: … (line 1,
// character N)"); what a valid query means is decided in search.ts.
import { JastBuilder, type Query } from '@atlassianlabs/jql-ast';

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

interface PositionedError {
  description?: string;
  message?: string;
  line?: number;
  charPositionInLine?: number;
}

/** The parsed query; throws JqlError on a syntax error. An empty query has no `where`. */
export function parseJql(source: string): Query | undefined {
  if (source.trim() === '') return undefined;
  const jast = new JastBuilder().build(source);
  const first = jast.errors[0] as PositionedError | undefined;
  if (first) throw new JqlError(syntaxMessage(first));
  return jast.query ?? undefined;
}

const RESERVED_CHARS = new Set(['+', '.', ';', '?', '|', '*', '/', '%', '^', '$', '#', '@', '[', ']']);
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'in', 'order', 'by', 'is', 'empty', 'null', 'was', 'changed']);

/** ANTLR's words turned into Jira's ("Expecting … but got 'x'."), with Jira's position suffix. */
function syntaxMessage(error: PositionedError): string {
  const text = error.description ?? error.message ?? 'invalid JQL';
  const at = `(line ${error.line ?? 1}, character ${(error.charPositionInLine ?? 0) + 1})`;
  const say = (what: string): string => `Error in the JQL Query: ${what} ${at}`;
  const missing = /^missing (.+?) at '(.*)'$/.exec(text);
  if (missing) return say(`Expecting ${missing[1] === 'BY' ? "'by'" : missing[1]} but got '${shown(missing[2] ?? '')}'.`);
  const got = /(?:mismatched|extraneous) input '([\s\S]*?)' expecting (.*)$|no viable alternative at input '([\s\S]*?)'|token recognition error at: '([\s\S]*?)'/.exec(text);
  if (!got) return say(text);
  const token = got[1] ?? got[3] ?? got[4] ?? '';
  const expecting = got[2] ?? '';
  const quote = /^["']/.exec(token)?.[0];
  const escape = /\\[^"'\\ ntru]/.exec(token)?.[0];
  if (escape) return say(`'${escape}' is an illegal JQL escape sequence.`);
  if (quote && !(token.length > 1 && token.endsWith(quote))) return say(`Missing closing quote ${quote}.`);
  const last = token.slice(-1);
  if (token.length >= 1 && RESERVED_CHARS.has(last)) {
    const code = last.charCodeAt(0).toString(16).padStart(4, '0');
    return say(`The character '${last}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${code}' instead.`);
  }
  if (/STRING/.test(expecting) && RESERVED_WORDS.has(token.toLowerCase())) {
    return say(`'${token}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`);
  }
  return say(`Expecting ${expected(expecting)} but got '${shown(token)}'.`);
}

function shown(token: string): string {
  return token === '<EOF>' ? 'EOF' : token;
}

function expected(expecting: string): string {
  if (/<EOF>/.test(expecting) && /ORDER/.test(expecting)) return "either 'OR' or 'AND'";
  if (/'\)'/.test(expecting)) return "')'";
  if (/EMPTY/.test(expecting)) return 'either a value, list or function';
  if (/'='/.test(expecting)) return 'operator';
  if (/STRING/.test(expecting)) return 'a field name';
  return expecting.replace(/[{}]/g, '');
}

/**
 * The value a JQL string token stands for. The AST's own `value` only drops backslashes (so
 * `\n` would read as `n`); Jira decodes `\" \' \\ \n \r \t \uXXXX` and `\ `, and so do we.
 */
export function decodeJqlString(text: string): string {
  const quote = text[0];
  const body = (quote === '"' || quote === "'") && text.length >= 2 && text.endsWith(quote) ? text.slice(1, -1) : text;
  return body.replace(/\\(u[0-9a-fA-F]{4}|[\s\S]?)/g, (all, esc: string) => {
    switch (esc.charAt(0)) {
      case '"':
      case "'":
      case '\\':
      case ' ':
        return esc;
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
        break;
      default:
        break;
    }
    throw new JqlError(`Error in the JQL Query: '${all}' is an illegal JQL escape sequence.`);
  });
}
