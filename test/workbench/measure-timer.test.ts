// The workbench measures against its emulators on a timer: each tick asks for the measures that
// are due, ticks never overlap, and stopping ends them. Time is fake (vi.useFakeTimers).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../../src/app/api';
import { startMeasureTimer } from '../../src/workbench/measure-timer';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the workbench measure timer', () => {
  it('asks for due measures every interval, one tick at a time, until stopped', async () => {
    const calls: unknown[] = [];
    let finish: (() => void) | undefined;
    const call = ((name: string, payload: unknown) => {
      calls.push([name, payload]);
      return new Promise((resolve) => {
        finish = () => resolve([]);
      });
    }) as ApiClient;
    const timer = startMeasureTimer({ call, everyMs: 60_000, log: () => undefined });
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([['measureDue', { trigger: 'timer' }]]);
    // The first tick is still running: the next interval does not start another.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    finish?.();
    timer.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(2);
  });

  it('a failing tick is logged and the timer keeps going', async () => {
    const logged: string[] = [];
    let n = 0;
    const call = (() => (++n === 1 ? Promise.reject(new Error('emulator down')) : Promise.resolve([]))) as unknown as ApiClient;
    const timer = startMeasureTimer({ call, everyMs: 1000, log: (m) => logged.push(m) });
    await vi.advanceTimersByTimeAsync(2000);
    expect(n).toBe(2);
    expect(logged).toHaveLength(1);
    timer.stop();
  });
});
