// Loads data for a component and keeps the last good answer while reloading, so a refresh after
// a link or a check-in does not blank the panel. Answers that arrive after a newer request
// started are dropped: the user must never see an older state win a race.
import { useCallback, useEffect, useRef, useState } from 'react';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'ready'; data: T; error?: undefined; reloading: boolean }
  | { status: 'error'; data?: T; error: unknown };

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): LoadState<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => (s.status === 'ready' ? { ...s, reloading: true } : s));
    try {
      const data = await loadRef.current();
      if (ticket === latest.current) setState({ status: 'ready', data, reloading: false });
    } catch (error) {
      if (ticket === latest.current) setState((s) => ({ status: 'error', data: s.data, error }));
    }
  }, []);

  useEffect(() => {
    void run();
    // The caller's deps decide when to load again; `run` itself is stable.
  }, deps);

  return { ...state, reload: run };
}
