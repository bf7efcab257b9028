// The Retry-After reader every adapter shares (RFC 9110: delay-seconds or an HTTP date).
import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/core/model/retry-after';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(' 0.5 ', now)).toBe(500);
    expect(retryAfterMs('0', now)).toBe(0);
  });

  it('reads an HTTP date as the time left until it, never below zero', () => {
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('calls absent, negative and unreadable values unreadable (the caller backs off)', () => {
    for (const value of [undefined, null, '', '-3', '-0.5', '3 4', 'soon', '1e3']) expect(retryAfterMs(value, now), String(value)).toBeUndefined();
  });
});
