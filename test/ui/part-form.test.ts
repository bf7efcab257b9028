// The authoring forms put each of the app's problems beside the field it names (issue 10 §1):
// paths relative to the part (`title`, `keyResults[0].weight` → `keyResults`), the first problem
// of a field shown, and problems of no field of the form kept for the form's own message.
import { describe, expect, it } from 'vitest';
import { byField } from '../../src/ui/authoring/part-form';

describe('byField', () => {
  it('maps problems onto the form fields they name and keeps the rest', () => {
    const { errors, rest } = byField(
      [
        { path: 'title', message: 'must not be empty' },
        { path: 'title', message: 'second problem of the title' },
        { path: 'parent', message: 'unknown team "salse" (did you mean "sales"?)' },
        { path: 'id', message: '"KR-CRM" is already used' },
        { path: '', message: 'the plan is invalid' },
      ],
      ['title', 'parent'],
    );
    expect(errors).toEqual({ title: 'must not be empty', parent: 'unknown team "salse" (did you mean "sales"?)' });
    expect(rest).toEqual(['id: "KR-CRM" is already used', 'the plan is invalid']);
  });
});
