// A unit as it reads beside one value: plan files name units in the plural ("hours", "days",
// "deploys/week", "cafés"), and "1 hours" reads wrong. For exactly one, the first word of a
// plural unit loses its "s"; symbols and other units ("%", "k$", "ms") stay as written.

/** `unit` as it reads after `value`. */
export function unitFor(value: number, unit: string): string {
  if (value !== 1 && value !== -1) return unit;
  // A word of letters ending in a single "s" ("hours", "cafés"), not "ss" ("pass") nor "ms".
  return unit.replace(/^(\p{L}{2,}?[^s\P{L}])s(?=$|[\s/])/u, '$1');
}
