// How a score reads (SPEC §9): on the 0.0–1.0 scale the OKR literature grades with, and as a
// percentage, the same on every surface: "0.7 (70%)", "0.55 (55%)", "1.0 (100%)".
import { wholePercent } from './whole-percent';

export function scoreText(score: number): string {
  // As with whole percents, a score reads 1.0 only when it is 1: 0.996 is 0.99, not 1.0.
  const rounded = score >= 1 ? 1 : Math.min(0.99, Number(Math.max(0, score).toFixed(2)));
  const scale = Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
  return `${scale} (${wholePercent(score)}%)`;
}
