// The doctrine's lints (SPEC §3) as a coach: grouped by severity, errors first, each saying what
// it is about and what to change.
import { useId } from 'react';
import type { Lint } from '../../core/report/types';
import { Pill } from '../components/Pill';
import { SEVERITIES, severityLabel, severityTone } from '../format/status';

export function CoachList({ lints }: { lints: Lint[] }) {
  const id = useId();
  return (
    <section className="h-coach" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="h-section-title">
        Coach
      </h2>
      {lints.length === 0 && <p className="h-subtle">Nothing to improve: these OKRs follow the doctrine.</p>}
      {SEVERITIES.map((severity) => {
        const group = lints.filter((l) => l.severity === severity);
        if (group.length === 0) return null;
        return (
          <details key={severity} className="h-coach-group" open={severity !== 'info'}>
            <summary>
              <Pill tone={severityTone(severity)}>
                {severityLabel(severity, group.length)}: {group.length}
              </Pill>
            </summary>
            <ul className="h-coach-list">
              {group.map((lint, i) => (
                <li key={`${lint.code}:${lint.subject}:${i}`} className="h-coach-item">
                  <span className="h-ref">{lint.subject}</span> <LintMessage text={lint.message} /> <span className="h-subtle">({lint.code})</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

/**
 * The core writes what to type in backticks (`kpiRef: churn`), as in a plan file; on a page that
 * is code, not punctuation. React escapes every piece, so a message still cannot inject markup.
 */
function LintMessage({ text }: { text: string }) {
  const pieces = text.split('`');
  // An odd count of backticks leaves the last one unpaired: show the text as it is.
  if (pieces.length % 2 === 0) return <>{text}</>;
  return <>{pieces.map((piece, i) => (i % 2 === 1 ? <code key={i}>{piece}</code> : piece))}</>;
}
