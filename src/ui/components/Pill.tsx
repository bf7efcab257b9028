// A lozenge: a short label on a tinted background. The tone only reinforces the words.
import type { ReactNode } from 'react';
import type { Tone } from '../format/status';

export function Pill({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`h-pill h-tone-${tone}`} title={title}>
      {children}
    </span>
  );
}
