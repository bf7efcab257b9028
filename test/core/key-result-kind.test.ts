// Key result kinds are dispatched exhaustively: every kind has its answers, and a switch that
// forgets a kind does not compile (the @ts-expect-error below fails the typecheck if it would).
import { describe, expect, it } from 'vitest';
import { assertNever, holdsValues, KEY_RESULT_KINDS, keyResultKindLabel, type KeyResultKind } from '../../src/core';

describe('key result kinds', () => {
  it('answers for every kind', () => {
    expect(KEY_RESULT_KINDS.map((k) => [k, holdsValues(k), keyResultKindLabel(k)])).toEqual([
      ['outcome', true, 'Outcome KR'],
      ['effort', false, 'Effort KR'],
    ]);
  });

  it('makes a forgotten kind a compile error and a run-time error', () => {
    function onlyOutcome(kind: KeyResultKind): string {
      // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- the point of this test
      switch (kind) {
        case 'outcome':
          return 'outcome';
        default:
          // @ts-expect-error 'effort' is not handled, so `kind` is not `never` here.
          return assertNever(kind);
      }
    }
    expect(onlyOutcome('outcome')).toBe('outcome');
    expect(() => onlyOutcome('effort')).toThrow('unhandled case: "effort"');
  });
});
