// The core's public surface: what app, adapters and hosts import.
export * from './model/dates';
export * from './model/errors';
export * from './model/plan';
export * from './model/work-item';
export type * from './ports';
export type * from './report/types';
export { parsePlanText, validatePlan, type PlanFormat } from './plan/parse';
export { exportPlan } from './plan/export';
export { evaluate, evaluateKeyResult } from './report/evaluate';
export { rollupEffort } from './evaluate/effort';
export { indexWorkItems, compareRefs } from './evaluate/work-item-index';
export { expectedProgress, statusOf } from './evaluate/status';
export { kpiHealth, healthFromStatus } from './evaluate/kpi-health';
export { latestOnOrBefore, outcomeProgress } from './evaluate/outcome';
export { review } from './review/review';
export { reviewMarkdown } from './review/markdown';
export type * from './review/types';
export { teamSubtree, treeOrder } from './model/team-tree';
// Closing a period and rolling over (SPEC §9–§10).
export { closePeriod, reopenPeriod } from './close/close-period';
export { previewRollover, rolloverPlan, type CarriedKeyResult, type CarriedObjective, type CarryReason, type RolloverOptions, type RolloverPreview } from './close/rollover';
export { PeriodRefusedError, type RefusalReason } from './close/refusal';
export { closedStatus, scoreOf } from './evaluate/closed';
export { scoreText } from './report/score-text';
// §8 measured values
export * from './model/measure';
export * from './model/measure-errors';
export { assertNever } from './model/assert-never';
export { recordMeasured, recordMeasuredValue, planMeasures, type MeasuredEntry, type PlanMeasure } from './measure/record';
// Key result kinds, dispatched exhaustively
export { KEY_RESULT_KINDS, holdsValues, keyResultKindLabel, type KeyResultKind } from './model/key-result-kind';
export { overdueCheckIns, overdueReadings, isClosed, isRunning, daysText, READING_DAYS, type OverdueCheckIn, type OverdueReading } from './lints/cadence';
export * from './digest';
export { farOutside, type FarOutside } from './evaluate/plausible-value';
