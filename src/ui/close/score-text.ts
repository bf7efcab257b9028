// How a closed KR's score reads (SPEC §9): on the 0.0–1.0 scale OKR practitioners grade on, and
// as the whole percent the rest of the board uses, so both audiences read it at a glance.
import { percent } from '../format/numbers';

/** 0.55 → "0.55 · 55%". */
export function scoreText(score: number): string {
  return `${(Math.round(score * 100) / 100).toFixed(2)} · ${percent(score)}`;
}

/** A grade typed in a form: blank is "no grade", else a number from 0 to 1 (a comma reads as a point). */
export function parseGrade(text: string): { grade: number | null } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { grade: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || !/^[0-9.]+$/.test(trimmed)) return { error: 'Enter a score from 0 to 1, such as 0.7' };
  if (value < 0 || value > 1) return { error: 'A grade is a score from 0 to 1' };
  return { grade: value };
}
