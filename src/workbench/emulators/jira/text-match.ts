// Text search the way Jira's `~` behaves for plain words: case-insensitive, every term must
// occur (terms are joined by AND), `*` and `?` wildcards inside a term, quoted phrases, common
// English stop words ignored, punctuation never part of a word. Lucene operators beyond that
// (OR, NOT, +, -, fuzzy, boosts) are refused, so a query relying on them is noticed.
import { JqlError } from './jql';

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of',
  'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

/** Words of indexed text. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0);
}

type Term = { kind: 'word'; pattern: RegExp } | { kind: 'phrase'; words: string[] };

/** Compiles a `~` query; throws JqlError for syntax the emulator does not model. */
export function compileTextQuery(query: string, field: string): (text: string) => boolean {
  const terms: Term[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(query); m; m = re.exec(query)) {
    if (m[1] !== undefined) {
      const phrase = words(unescapeLucene(m[1])).filter((w) => !STOP_WORDS.has(w));
      if (phrase.length > 0) terms.push({ kind: 'phrase', words: phrase });
      continue;
    }
    const raw = m[2] as string;
    if (raw === 'AND' || raw === '&&') continue;
    if (raw === 'OR' || raw === 'NOT' || raw === '||' || raw === '!' || /^[+-]/.test(raw) || /[~^](\d|$)/.test(raw)) {
      throw new JqlError(`The text query '${query}' for field '${field}' uses Lucene operators the Jira emulator does not support.`);
    }
    if (/^[*?]/.test(raw)) {
      throw new JqlError(`The text query '${query}' for field '${field}' is not allowed to start with a wildcard.`);
    }
    // Split the term the way the indexer splits text, keeping wildcards inside the pieces.
    for (const piece of unescapeLucene(raw).toLowerCase().split(/[^\p{L}\p{N}_*?]+/u)) {
      if (piece === '' || /^[*?]+$/.test(piece) || STOP_WORDS.has(piece)) continue;
      const pattern = piece.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\p{L}\\p{N}_]*').replace(/\?/g, '[\\p{L}\\p{N}_]');
      terms.push({ kind: 'word', pattern: new RegExp(`^${pattern}$`, 'u') });
    }
  }
  return (text: string) => {
    if (terms.length === 0) return false;
    const tokens = words(text);
    return terms.every((term) =>
      term.kind === 'word' ? tokens.some((t) => term.pattern.test(t)) : containsSequence(tokens, term.words),
    );
  };
}

function containsSequence(tokens: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((w, j) => tokens[i + j] === w)) return true;
  }
  return false;
}

/** Lucene's backslash escape: `\+` is a literal plus. */
function unescapeLucene(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
