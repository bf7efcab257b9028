// Building JQL from values we do not control. Issue keys and user text go inside double-quoted
// JQL strings, escaped, so no input can close the string and add clauses of its own.

/**
 * A JQL string literal. Backslash and both quote marks are escaped, and so is every character
 * Jira's JQL grammar refuses inside a string: C0 and C1 controls (U+0000–U+001F, U+007F–U+009F)
 * and the noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF (found by parsing every BMP character
 * with @atlassianlabs/jql-ast; the escaped form `\uXXXX` is accepted).
 */
export function jqlString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const escaped = value.replace(/[\\"'\u0000-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/g, (ch) => {
    switch (ch) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case "'":
        return "\\'";
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/**
 * The words of what a user typed, as a text-search query for `summary ~`. Jira hands the string
 * to its Lucene-style parser, where `+ - ! ( ) { } [ ] ^ " ~ * ? : \ /` and upper-case AND/OR/NOT
 * are operators; a user typing "follow-up (EU)" means words, not syntax, and Jira's tokenizer
 * drops punctuation from indexed text anyway. So only letters, digits and `_` survive, words are
 * lower-cased (operators are upper-case only), and the last word becomes a prefix (`roll*`)
 * because the picker searches while the user is still typing. Undefined when no word is left.
 */
export function textSearchQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return undefined;
  return `${words.join(' ')}*`;
}

/** `field in ("K1", "K2", ...)`. */
export function inClause(field: string, keys: readonly string[]): string {
  return `${field} in (${keys.map(jqlString).join(', ')})`;
}

/**
 * Splits keys into groups whose `in (...)` lists stay within both limits. Jira documents no
 * length limit for a POSTed JQL, but it caps value lists it builds itself at 1,000 values for
 * performance, so we stay well below that and below a conservative character budget.
 */
export function batchKeys(keys: readonly string[], maxKeys: number, maxChars: number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const key of keys) {
    const cost = key.length + 4; // quotes, comma, space
    if (current.length > 0 && (current.length >= maxKeys || chars + cost > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(key);
    chars += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
