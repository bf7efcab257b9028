// The review's last part: how many lints of each severity, and the errors spelled out (SPEC §11.4).
import type { ReviewView } from '../../app/api';
import { plural } from '../format/numbers';

export function ReviewLints({ lints }: { lints: ReviewView['lints'] }) {
  return (
    <section className="h-review-section" aria-labelledby="h-review-lints">
      <h2 id="h-review-lints" className="h-section-title">
        4. Lints
      </h2>
      <p>
        {plural(lints.error, 'error')}, {plural(lints.warning, 'warning')}, {plural(lints.info, 'note')}.
      </p>
      {lints.errors.length > 0 && (
        <ul className="h-review-lints">
          {lints.errors.map((l) => (
            <li key={`${l.code}:${l.subject}`}>
              <span className="h-ref">{l.subject}</span>: {l.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
