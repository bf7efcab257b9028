// How a closed KR's score reads (SPEC §9): the core's wording, "0.7 (70%)", the same as the CLI
// and the review; and what a grade typed in a form means.
export { scoreText } from '../../core/report/score-text';

/** A grade typed in a form: blank is "no grade", else a number from 0 to 1 (a comma reads as a point). */
export function parseGrade(text: string): { grade: number | null } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { grade: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || !/^[0-9.]+$/.test(trimmed)) return { error: 'Enter a score from 0 to 1, such as 0.7' };
  if (value < 0 || value > 1) return { error: 'A grade is a score from 0 to 1' };
  return { grade: value };
}
