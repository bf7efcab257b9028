// The "measured by a query" fields of a KR or KPI form, as typed, and the Measure they make
// (SPEC §8). The app checks the same rules again; this only keeps the preview from asking the
// tracker a question that cannot be answered yet.
import type { Measure, MeasureAggregate, MeasureTracker } from '../../core/model/measure';

export interface MeasureFields {
  tracker: MeasureTracker;
  query: string;
  aggregate: MeasureAggregate;
  field: string;
  of: string;
}

export const EMPTY_MEASURE: MeasureFields = { tracker: 'jira', query: '', aggregate: 'count', field: '', of: '' };

export function fieldsOf(measure: Measure | undefined, tracker: MeasureTracker = 'jira'): MeasureFields {
  if (!measure) return { ...EMPTY_MEASURE, tracker };
  return {
    tracker: measure.jql !== undefined ? 'jira' : 'ado',
    query: measure.jql ?? measure.wiql ?? '',
    aggregate: measure.aggregate ?? 'count',
    field: measure.field ?? '',
    of: measure.of ?? '',
  };
}

/** The Measure, or what is still missing in words. */
export function measureOf(f: MeasureFields): { measure: Measure; missing?: undefined } | { measure?: undefined; missing: string } {
  const query = f.query.trim();
  if (!query) return { missing: `Type a ${f.tracker === 'jira' ? 'JQL' : 'WIQL'} query to see what it matches.` };
  const needsField = f.aggregate === 'sum' || f.aggregate === 'average';
  if (needsField && !f.field.trim()) return { missing: `A ${f.aggregate} needs a field: estimate, or a field id.` };
  if (f.aggregate === 'percent' && !f.of.trim()) return { missing: 'A percent needs the query whose matches are 100%.' };
  const measure: Measure = f.tracker === 'jira' ? { jql: query } : { wiql: query };
  if (f.aggregate !== 'count') measure.aggregate = f.aggregate;
  if (needsField) measure.field = f.field.trim();
  if (f.aggregate === 'percent') measure.of = f.of.trim();
  return { measure };
}
