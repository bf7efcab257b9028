// The workbench measures against its emulators on a timer (issue 11): every tick asks the app for
// the measures that are due (an hour since their last run, src/app/measure-due.ts), as the local
// user. Ticks never overlap: a slow tracker makes the next tick wait rather than pile up.
import type { ApiClient } from '../app/api';

export interface MeasureTimerOptions {
  call: ApiClient;
  /** How often to look for due measures. Default: every 5 minutes. */
  everyMs?: number;
  /** Injected so tests drive time with fake timers. */
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  log?: (message: string, error?: unknown) => void;
}

export interface MeasureTimer {
  /** Runs one tick now (also what the interval does); resolves when it has finished. */
  tick(): Promise<void>;
  stop(): void;
}

export function startMeasureTimer(options: MeasureTimerOptions): MeasureTimer {
  const log = options.log ?? ((message, error) => console.error(message, error));
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> =>
    (running ??= options
      .call('measureDue', { trigger: 'timer' })
      .then(
        () => undefined,
        (e: unknown) => log('Harmony workbench: the measure timer could not run', e),
      )
      .finally(() => {
        running = undefined;
      }));
  const set = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  const clear = options.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  const handle = set(() => void tick(), options.everyMs ?? 5 * 60 * 1000);
  return { tick, stop: () => clear(handle) };
}
