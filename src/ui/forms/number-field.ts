// Parses what a person typed into a number field. The browser's own number input would let
// "1e3" or "" through silently, so the forms use text inputs with this one parser and show
// its message next to the field.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** A finite decimal number; a comma is accepted as the decimal mark. */
export function parseNumber(text: string, label: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `${label} is required.` };
  if (!NUMBER.test(trimmed)) return { ok: false, message: `${label} must be a number, such as 74 or 7.5.` };
  return { ok: true, value: Number(trimmed.replace(',', '.')) };
}

/** Optional number: empty gives undefined. */
export function parseOptionalNumber(text: string, label: string): Parsed<number | undefined> {
  return text.trim() === '' ? { ok: true, value: undefined } : parseNumber(text, label);
}
