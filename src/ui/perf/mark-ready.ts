// Marks the moment a surface first shows its data, as a User Timing entry. The browser tests read
// it (startTime is measured from navigation start) to report "panel ready" and "board ready"
// figures without timers of their own; in production it costs one entry per page load.
const marked = new Set<string>();

export function markReady(surface: string): void {
  if (marked.has(surface) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  marked.add(surface);
  performance.mark(`harmony:${surface}-ready`);
}
