// The inline check-in of an outcome KR (value, confidence, note, date), validated before anything
// is sent so a typo never reaches the store.
import { isIsoDate, type IsoDate } from '../../core/model/dates';
import { parseNumber, parseOptionalNumber } from './number-field';

export interface CheckInFields {
  value: string;
  /** Percent, 0–100, as people say it ("70% sure"); the API takes 0–1. */
  confidence: string;
  note: string;
  /** YYYY-MM-DD; the form starts it at today. */
  at: string;
}

export interface CheckInPayload {
  value: number;
  confidence?: number;
  note?: string;
  at?: IsoDate;
  /** Saves a value far outside the KR's range after the person confirmed it. */
  confirm?: boolean;
}

export type FieldErrors<F> = Partial<Record<keyof F, string>>;

export const NOTE_MAX = 500;

export function validateCheckIn(fields: CheckInFields): { payload?: CheckInPayload; errors: FieldErrors<CheckInFields> } {
  const errors: FieldErrors<CheckInFields> = {};
  const value = parseNumber(fields.value, 'Value');
  if (!value.ok) errors.value = value.message;
  const confidence = parseOptionalNumber(fields.confidence, 'Confidence');
  if (!confidence.ok) errors.confidence = confidence.message;
  else if (confidence.value !== undefined && (confidence.value < 0 || confidence.value > 100)) {
    errors.confidence = 'Confidence must be between 0 and 100 (%).';
  }
  const note = fields.note.trim();
  if (note.length > NOTE_MAX) errors.note = `Keep the note under ${NOTE_MAX} characters (it has ${note.length}).`;
  const at = fields.at.trim();
  if (at !== '' && !isIsoDate(at)) errors.at = 'Date must be a calendar day, such as 2026-11-16.';
  if (Object.keys(errors).length > 0 || !value.ok || !confidence.ok) return { errors };
  const payload: CheckInPayload = { value: value.value };
  if (confidence.value !== undefined) payload.confidence = confidence.value / 100;
  if (note !== '') payload.note = note;
  if (at !== '' && isIsoDate(at)) payload.at = at;
  return { payload, errors };
}
