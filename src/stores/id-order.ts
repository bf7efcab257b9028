// Documents are listed "in id order". SQLite compares TEXT as UTF-8 bytes, which is Unicode
// code point order; JavaScript's `<` compares UTF-16 code units, which disagrees for
// characters beyond U+FFFF. In-memory stores use this comparison so all stores agree.

export function compareIds(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x - y;
    // A supplementary character spans two code units; skip its low surrogate.
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
