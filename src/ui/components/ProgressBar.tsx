// A progress bar that says its number: the visible text and aria-valuetext carry the same words,
// so neither sighted nor screen-reader users depend on the bar's length or colour.
import type { Tone } from '../format/status';
import { percent, percentNumber } from '../format/numbers';

export interface ProgressBarProps {
  /** Fraction in [0, 1]. */
  value: number;
  /** Accessible name, e.g. the KR's title. */
  label: string;
  /** Extra words after the percentage, e.g. "3 of 4 units done". */
  detail?: string;
  tone?: Tone;
  /** Where the period says progress should be by now (0..1): drawn as a tick. */
  expected?: number;
}

export function ProgressBar({ value, label, detail, tone = 'info', expected }: ProgressBarProps) {
  const text = detail ? `${percent(value)} · ${detail}` : percent(value);
  const width = `${Math.min(100, Math.max(0, value * 100))}%`;
  return (
    <div className="h-progress">
      <div
        className={`h-progress-track h-tone-${tone}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percentNumber(value)}
        aria-valuetext={text}
      >
        <div className="h-progress-fill" style={{ width }} />
        {expected !== undefined && (
          <div
            className="h-progress-expected"
            style={{ left: `${Math.min(100, Math.max(0, expected * 100))}%` }}
            title={`Expected by now: ${percent(expected)}`}
          />
        )}
      </div>
      <span className="h-progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
