// A MeasureSource for app tests: answers each query from a table, as one named person, and
// remembers who asked what. A query's answer may be an Error (the tracker refused it).
import type { Measure, MeasureTracker } from '../../src/core/model/measure';
import type { MeasureResult, MeasureSource } from '../../src/core/ports/measure-source';

export type Answer = { matched: number; value?: number; denominator?: number; requests?: number } | Error;

export class FakeMeasureSource implements MeasureSource {
  readonly asked: { as: string; query: string }[] = [];

  constructor(
    readonly as: string,
    private readonly answers: Map<string, Answer> | ((query: string) => Answer),
    readonly tracker: MeasureTracker = 'jira',
  ) {}

  run(measure: Measure): Promise<MeasureResult> {
    const query = measure.jql ?? measure.wiql ?? '';
    this.asked.push({ as: this.as, query });
    const answer = typeof this.answers === 'function' ? this.answers(query) : this.answers.get(query);
    if (answer === undefined) return Promise.reject(new Error(`no answer for ${query}`));
    if (answer instanceof Error) return Promise.reject(answer);
    const value = answer.value ?? answer.matched;
    return Promise.resolve({
      value,
      matched: answer.matched,
      ...(answer.denominator !== undefined ? { denominator: answer.denominator } : {}),
      requests: answer.requests ?? 1,
      queryUrl: `https://tracker.test/issues/?jql=${encodeURIComponent(query)}`,
    });
  }
}
