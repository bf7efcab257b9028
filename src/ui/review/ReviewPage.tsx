// The Review page (issue 10 §3, SPEC §11): the monthly meeting's agenda and its minutes. KPIs
// first, then the objectives, the spotlight and the lints, in the order `okr review` prints them;
// "Copy as Markdown" gives that very text and the print stylesheet gives a clean page.
import { useEffect, useState } from 'react';
import { useApi } from '../client/api-context';
import { problemsFor } from '../client/api-error';
import { ErrorNotice } from '../components/ErrorNotice';
import { useLoad } from '../hooks/use-load';
import { markReady } from '../perf/mark-ready';
import { CopyMarkdown } from './CopyMarkdown';
import { ReviewFilters, type ReviewFilterValues } from './ReviewFilters';
import { ReviewKpis } from './ReviewKpis';
import { ReviewLints } from './ReviewLints';
import { ReviewObjectives } from './ReviewObjectives';
import { ReviewSpotlight } from './ReviewSpotlight';
import './review.css';

export interface ReviewPageProps {
  initialFilters?: ReviewFilterValues;
  /** Told of each change, so a host can keep the filters in its URL. */
  onFiltersChange?: (filters: ReviewFilterValues) => void;
  /** How to copy text; default the browser's clipboard. */
  copy?: (text: string) => Promise<void>;
  /**
   * A team the host would like to start on (a Jira project page: the team named after the
   * project key). Unlike `initialFilters`, a team the plan does not have is dropped with a word of
   * why rather than refused.
   */
  teamHint?: string;
}

export function ReviewPage({ initialFilters = {}, onFiltersChange, copy, teamHint }: ReviewPageProps) {
  const api = useApi();
  const [filters, setFiltersState] = useState<ReviewFilterValues>(teamHint !== undefined && initialFilters.team === undefined ? { ...initialFilters, team: teamHint } : initialFilters);
  const [hintDropped, setHintDropped] = useState(false);
  const setFilters = (next: ReviewFilterValues) => {
    setFiltersState(next);
    onFiltersChange?.(next);
  };
  const review = useLoad(async () => {
    const period = filters.period !== undefined ? { period: filters.period } : {};
    try {
      return await api('getReview', { ...(filters.team !== undefined ? { team: filters.team } : {}), ...period });
    } catch (error) {
      if (teamHint === undefined || filters.team !== teamHint || problemsFor(error, 'team').length === 0) throw error;
      // The host's guess names no team of the plan: review every team and say why.
      setHintDropped(true);
      setFiltersState((f) => ({ ...f, team: undefined }));
      return await api('getReview', period);
    }
  }, [api, filters.team, filters.period]);

  useEffect(() => {
    if (review.status === 'ready') markReady('review');
  }, [review.status]);

  const view = review.data;
  const names = new Map(view?.teams.map((t) => [t.id, t.name]));
  return (
    <div className="h-review" data-state={review.status}>
      <header className="h-board-header">
        <h1 className="h-page-title">OKR review</h1>
        {view && <span className="h-subtle">as of {view.at}</span>}
      </header>
      {hintDropped && (
        <p className="h-notice h-tone-info" role="status">
          No team has the id “{teamHint}”, so the review covers every team. Name a team after the project key in the plan to start here on its objectives.
        </p>
      )}
      {view && <ReviewFilters view={view} filters={filters} onChange={setFilters} />}
      {view && (
        <div className="h-actions h-no-print">
          <CopyMarkdown markdown={view.markdown} {...(copy ? { copy } : {})} />
          <button type="button" className="h-button" onClick={() => window.print()}>
            Print
          </button>
        </div>
      )}
      {review.status === 'loading' && <p className="h-subtle">Loading the review…</p>}
      {review.status === 'error' && <ErrorNotice error={review.error} onRetry={() => void review.reload()} />}
      {view && (
        <>
          <ReviewKpis kpis={view.kpis} />
          <ReviewObjectives objectives={view.objectives} teamName={(id) => names.get(id) ?? id} />
          <ReviewSpotlight view={view} />
          <ReviewLints lints={view.lints} />
        </>
      )}
    </div>
  );
}
