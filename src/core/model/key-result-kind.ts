// The kinds of key result and what each one is, asked in one place. Code that treats kinds
// differently switches on `type` with an assertNever default, or asks here: either way, adding
// a kind is a compile error wherever it must be handled, never a silent "else it is an outcome".
import { assertNever } from './assert-never';
import type { KeyResult } from './plan';

export type KeyResultKind = KeyResult['type'];

export const KEY_RESULT_KINDS = ['outcome', 'effort'] as const satisfies readonly KeyResultKind[];

/**
 * Whether a KR of this kind is a number that people (check-ins) or queries (§8) record: only
 * such a KR holds check-ins, and only such a KR may double as a KPI (SPEC §3).
 */
export function holdsValues(kind: KeyResultKind): boolean {
  switch (kind) {
    case 'outcome':
      return true;
    case 'effort':
      return false;
    default:
      return assertNever(kind);
  }
}

/** The kind as people read it on a tag or a heading. */
export function keyResultKindLabel(kind: KeyResultKind): string {
  switch (kind) {
    case 'outcome':
      return 'Outcome KR';
    case 'effort':
      return 'Effort KR';
    default:
      return assertNever(kind);
  }
}
