import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from '../../src/core/model/search-text';

describe('search text', () => {
  it('folds case and accents the same way on both sides', () => {
    expect(foldForSearch('Cafés à São Paulo')).toBe('cafes a sao paulo');
    expect(matchesSearch('Sign 12 new café partners', 'CAFE')).toBe(true);
    expect(matchesSearch('Sign 12 new cafe partners', 'café')).toBe(true);
    expect(matchesSearch('Reduce churn', 'crm')).toBe(false);
    expect(matchesSearch('anything', '  ')).toBe(true);
  });
});
