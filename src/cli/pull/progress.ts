// Progress of a pull on stderr. On a terminal: one line redrawn in place, with a bar once the
// number of items to read is known (Azure DevOps knows it after the hierarchy walk; Jira never
// says how many descendants a search will return, so it shows counts only). Piped: nothing until
// the end, then one plain line, so logs and CI output stay readable.
import type { Output } from '../io';
import { bar } from '../render/style';

export interface ProgressCounts {
  /** HTTP requests to the tracker so far, retries included. */
  requests: number;
  /** Work items read so far. */
  items: number;
  /** Ids whose batch read has completed, of `total`; only when the total is known. */
  processed?: number;
  total?: number;
}

export interface Progress {
  update(counts: Partial<ProgressCounts>): void;
  /** The tracker asked us to slow down (429); we wait `waitMs` before retrying. */
  throttled(waitMs: number | undefined): void;
  /** Ends the display with a final line (when given). */
  finish(line?: string): void;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const REDRAW_MS = 80;

/** `label` leads the line (`ado`, `jira`); `tracker` names who is throttling. */
export function createProgress(stderr: Output, label: string, tracker: string, now: () => number = Date.now): Progress {
  const counts: ProgressCounts = { requests: 0, items: 0 };
  const tty = stderr.isTTY === true;
  let waitingUntil: number | undefined;
  let frame = 0;
  let lastDraw = -Infinity;
  let finished = false;

  const line = (): string => {
    const spinner = SPINNER[frame % SPINNER.length] as string;
    const requests = `${number(counts.requests)} request${counts.requests === 1 ? '' : 's'}`;
    const work =
      counts.total !== undefined && counts.processed !== undefined
        ? `${bar(counts.total === 0 ? 1 : counts.processed / counts.total)} ${number(counts.processed)}/${number(counts.total)} work items`
        : `${number(counts.items)} work items`;
    const left = waitingUntil === undefined ? 0 : Math.max(0, Math.ceil((waitingUntil - now()) / 1000));
    const wait = waitingUntil === undefined ? '' : ` · throttled, retrying in ${left} s`;
    return `${spinner} ${label}  ${work} · ${requests}${wait}`;
  };
  const draw = (force = false): void => {
    if (!tty || finished) return;
    const t = now();
    if (!force && t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    frame++;
    stderr.write(`\r${line()}\u001b[K`);
  };
  // Keeps the spinner and the throttling countdown moving while nothing else happens; unref'd so it
  // never holds the process open.
  const timer = tty ? setInterval(() => draw(true), 250) : undefined;
  timer?.unref();

  return {
    update(next) {
      // A finished batch read is a step worth showing at once; there are only ⌈n/200⌉ of them.
      const step = next.processed !== undefined && next.processed !== counts.processed;
      Object.assign(counts, next);
      if (next.requests !== undefined) waitingUntil = undefined;
      draw(step);
    },
    throttled(waitMs) {
      if (tty) {
        waitingUntil = now() + (waitMs ?? 0);
        draw(true);
      } else {
        const when = waitMs === undefined ? 'after a pause' : `in ${Math.ceil(waitMs / 1000)} s`;
        stderr.write(`okr pull ${label}: ${tracker} asked to slow down (429); retrying ${when}\n`);
      }
    },
    finish(text) {
      if (finished) return;
      finished = true;
      if (timer) clearInterval(timer);
      if (tty) stderr.write('\r\u001b[2K');
      if (text !== undefined) stderr.write(`${text}\n`);
    },
  };
}

function number(n: number): string {
  return n.toLocaleString('en-US');
}
