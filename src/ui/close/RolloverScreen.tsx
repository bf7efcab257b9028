// "Start the next quarter" (issue 12, SPEC §10): the next period (created when it does not exist
// yet), then a preview of what will be carried: KPI key results always, every other KR by its own
// checkbox, each outcome KR starting from its actual with a target that may be changed before
// confirming. Nothing is written until "Start" is pressed; then one call carries them all.
import { useId, useState } from 'react';
import type { BoardView, RolloverInput } from '../../app/api';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { ErrorNotice } from '../components/ErrorNotice';
import { decimal, withUnit } from '../format/numbers';
import { useLoad } from '../hooks/use-load';
import { nextPeriod } from './next-period';
import { scoreText } from './score-text';

export interface RolloverScreenProps {
  period: BoardView['periods'][number];
  onDone: (to: string) => Promise<void>;
  onCancel: () => void;
}

export default function RolloverScreen({ period, onDone, onCancel }: RolloverScreenProps) {
  const id = useId();
  const guess = nextPeriod(period);
  const [next, setNext] = useState(guess);
  const [asked, setAsked] = useState<RolloverInput>({ from: period.id, to: guess.id, start: guess.start as RolloverInput['start'], end: guess.end as RolloverInput['end'] });
  const field = (name: 'id' | 'start' | 'end', label: string) => (
    <div className="h-field">
      <label className="h-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input id={`${id}-${name}`} className="h-input" value={next[name]} onChange={(e) => setNext({ ...next, [name]: e.target.value })} />
    </div>
  );
  return (
    <section className="h-rollover" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Start the next quarter from {period.id}
      </h2>
      <form
        className="h-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from: period.id, to: next.id.trim(), start: next.start.trim() as RolloverInput['start'], end: next.end.trim() as RolloverInput['end'] });
        }}
      >
        {field('id', 'Next period')}
        {field('start', 'Starts (YYYY-MM-DD)')}
        {field('end', 'Ends (YYYY-MM-DD)')}
        <div className="h-field h-field-end">
          <button type="submit" className="h-button">
            Preview
          </button>
        </div>
      </form>
      <RolloverPreviewList key={`${asked.to}|${asked.start ?? ''}|${asked.end ?? ''}`} input={asked} onDone={onDone} onCancel={onCancel} />
    </section>
  );
}

function RolloverPreviewList({ input, onDone, onCancel }: { input: RolloverInput; onDone: (to: string) => Promise<void>; onCancel: () => void }) {
  const api = useApi();
  const id = useId();
  const preview = useLoad(() => api('previewRollover', input), [api, input]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [targetErrors, setTargetErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (preview.status === 'loading') return <p className="h-subtle">Loading what {input.to} would carry…</p>;
  if (preview.status === 'error') return <ErrorNotice error={preview.error} onRetry={() => void preview.reload()} />;
  const { candidates, period } = preview.data;
  const carried = candidates.filter((c) => c.always || chosen.has(c.kr));

  async function confirm() {
    const found: Record<string, string> = {};
    const numbers: Record<string, number> = {};
    for (const c of carried) {
      const text = targets[c.kr];
      if (text === undefined || c.type !== 'outcome') continue;
      const value = Number(text.trim().replace(',', '.'));
      if (text.trim() === '' || !Number.isFinite(value)) found[c.kr] = 'Enter a number';
      else if (value !== c.target) numbers[c.kr] = value;
    }
    setTargetErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api('rolloverPeriod', { ...input, keyResults: candidates.filter((c) => !c.always && chosen.has(c.kr)).map((c) => c.kr), targets: numbers });
      await onDone(input.to);
    } catch (e) {
      const byKr: Record<string, string> = {};
      for (const c of carried) {
        const message = problemsFor(e, `targets.${c.kr}`)[0];
        if (message) byKr[c.kr] = message;
      }
      setTargetErrors(byKr);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="h-rollover-preview">
      <p className="h-hint">
        {period.created ? `${period.id} will be created (${period.start} to ${period.end}). ` : `Into ${period.id} (${period.start} to ${period.end}). `}
        KPI key results are always carried; choose the others. Outcome KRs start from their actual.
      </p>
      {candidates.length === 0 && <p className="h-empty">{input.from} has no key results to carry.</p>}
      <ul className="h-card-list">
        {candidates.map((c) => {
          const checkId = `${id}-${c.kr}`;
          const on = c.always || chosen.has(c.kr);
          return (
            <li key={c.kr} className="h-card" data-candidate={c.kr}>
              <div className="h-rollover-choice">
                <input
                  id={checkId}
                  type="checkbox"
                  checked={on}
                  disabled={c.always}
                  onChange={() =>
                    setChosen((s) => {
                      const n = new Set(s);
                      if (n.has(c.kr)) n.delete(c.kr);
                      else n.add(c.kr);
                      return n;
                    })
                  }
                />
                <label htmlFor={checkId}>
                  <span className="h-kr-id">{c.kr}</span> {c.title}
                  {c.always && <span className="h-tag">KPI, always carried</span>}
                </label>
              </div>
              <p className="h-subtle">
                {c.objectiveTitle} · closed at {scoreText(c.score)} · becomes {c.newId}
                {c.start !== undefined && ` · starts from ${withUnit(c.start, c.unit)}`}
              </p>
              {on && c.type === 'outcome' && (
                <div className="h-field">
                  <label className="h-label" htmlFor={`${checkId}-target`}>
                    Target of {c.newId}
                  </label>
                  <input
                    id={`${checkId}-target`}
                    className="h-input"
                    inputMode="decimal"
                    value={targets[c.kr] ?? (c.target === undefined ? '' : decimal(c.target))}
                    aria-invalid={targetErrors[c.kr] ? true : undefined}
                    aria-describedby={targetErrors[c.kr] ? `${checkId}-msg` : undefined}
                    onChange={(e) => setTargets((t) => ({ ...t, [c.kr]: e.target.value }))}
                  />
                  {targetErrors[c.kr] && (
                    <p id={`${checkId}-msg`} className="h-field-error">
                      {targetErrors[c.kr]}
                    </p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {failure !== undefined && <ErrorNotice error={failure} />}
      <div className="h-actions">
        <button type="button" className="h-button h-button-primary" disabled={busy || carried.length === 0} onClick={() => void confirm()}>
          Start {input.to} with {carried.length} key result{carried.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="h-button h-button-subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
