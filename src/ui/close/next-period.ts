// A suggestion for the period after this one, for the "Start the next quarter" form: 2026-Q4 →
// 2027-Q1 starting the day after it ends and lasting as long. Only a default the admin may edit.
export interface PeriodGuess {
  id: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;
const toDay = (text: string) => Date.parse(`${text}T00:00:00Z`);
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function nextPeriod(period: { id: string; start: string; end: string }): PeriodGuess {
  const start = toDay(period.end) + DAY;
  const startDate = new Date(start);
  // Same number of whole months when the period is a run of months (a quarter), else same length.
  const months = monthsSpanned(period);
  const end =
    months !== undefined
      ? Date.UTC(startDate.getUTCFullYear(), startDate.getUTCMonth() + months, 1) - DAY
      : start + (toDay(period.end) - toDay(period.start));
  return { id: nextId(period.id), start: fromDay(start), end: fromDay(end) };
}

function monthsSpanned(period: { start: string; end: string }): number | undefined {
  const s = new Date(toDay(period.start));
  const e = new Date(toDay(period.end) + DAY);
  if (s.getUTCDate() !== 1 || e.getUTCDate() !== 1) return undefined;
  return (e.getUTCFullYear() - s.getUTCFullYear()) * 12 + e.getUTCMonth() - s.getUTCMonth();
}

function nextId(id: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  return `${id}-next`;
}
