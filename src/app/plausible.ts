// A value far outside what a KR or KPI expects is saved only when the caller confirms it
// (src/core/evaluate/plausible-value.ts has the rule). The refusal names `confirm`, so a form
// asks "save anyway?" instead of showing a generic error.
import { farOutside } from '../core/evaluate/plausible-value';
import { InvalidInputError } from '../core/model/errors';

export function requireConfirmation(value: number, points: readonly (number | undefined)[], what: string, confirm: boolean | undefined): void {
  if (confirm === true) return;
  const far = farOutside(value, points);
  if (far === undefined) return;
  const range = far.lo === far.hi ? String(far.lo) : `${String(far.lo)}–${String(far.hi)}`;
  throw new InvalidInputError([
    { path: 'confirm', message: `${String(value)} is far outside ${what} (${range}): check the value, or confirm to save it anyway` },
  ]);
}
