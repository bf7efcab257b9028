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
                  <span className="h-ref">{lint.subject}</span> {lint.message} <span className="h-subtle">({lint.code})</span>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
