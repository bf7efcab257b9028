// The live preview of a measure being typed: asks the app (previewMeasure, as the viewer) once
// typing has paused, and drops answers to queries that were since changed.
import { useEffect, useRef, useState } from 'react';
import type { MeasurePreview } from '../../app/api';
import type { Measure } from '../../core/model/measure';
import { useApi } from '../client/api-context';
import { errorMessage } from '../format/errors';

export type PreviewState = { status: 'idle' } | { status: 'waiting' } | { status: 'done'; preview: MeasurePreview };

/** Quiet time before a preview is asked: each one costs the tracker at least one search. */
export const PREVIEW_DELAY_MS = 600;

export function useMeasurePreview(measure: Measure | undefined, delayMs = PREVIEW_DELAY_MS): PreviewState {
  const api = useApi();
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const ticket = useRef(0);
  const key = measure ? JSON.stringify(measure) : '';
  useEffect(() => {
    const mine = ++ticket.current;
    if (!measure) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'waiting' });
    const timer = setTimeout(() => {
      api('previewMeasure', { measure })
        .catch((e: unknown): MeasurePreview => ({ ok: false, error: errorMessage(e) }))
        .then((preview) => {
          if (mine === ticket.current) setState({ status: 'done', preview });
        })
        .catch(() => undefined);
    }, delayMs);
    return () => clearTimeout(timer);
    // `key` stands for `measure`: a new object with the same fields is the same question.
  }, [api, key, delayMs]);
  return state;
}

/** "Matches 23 issues now", and the value it would record. */
export function previewText(p: MeasurePreview, tracker: 'jira' | 'ado'): string {
  if (!p.ok) return p.error;
  const items = tracker === 'jira' ? (p.matched === 1 ? 'issue' : 'issues') : p.matched === 1 ? 'work item' : 'work items';
  const of = p.denominator !== undefined ? ` of ${p.denominator}` : '';
  const value = p.value !== undefined ? ` · value ${Number(p.value.toFixed(2))}` : p.noValue ? ` · ${p.noValue}` : '';
  return `Matches ${p.matched}${of} ${items} now${value}`;
}
