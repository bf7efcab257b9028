// Calendar days, not instants: a plan speaks in UTC calendar dates (SPEC §1), so every
// comparison is on the ISO string or on a day number, never on local-time Date objects.

/** `YYYY-MM-DD`, a valid calendar day. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date, or undefined. */
export function dayNumber(text: string): number | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

export function isIsoDate(text: string): text is IsoDate {
  return dayNumber(text) !== undefined;
}

export function toIsoDate(text: string): IsoDate {
  if (!isIsoDate(text)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
  return text;
}

/** Days of an ISO date already known valid. */
export function daysOf(date: IsoDate): number {
  return dayNumber(date) as number;
}

export function fromDayNumber(days: number): IsoDate {
  return new Date(days * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

/** Today as a UTC calendar day. */
export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10) as IsoDate;
}
