// Argument checks shared by the store adapters, so every host refuses the same inputs the same
// way (the store contract suite holds them to it).
import { InvalidInputError, type Problem } from '../core/model/errors';
import type { IndexValues, WriteOp } from '../core/ports/document-store';

export function checkKey(collection: string, id: string): void {
  const problems: Problem[] = [];
  // An empty id cannot be a page cursor boundary and no host store accepts an empty key.
  if (typeof collection !== 'string' || collection === '') problems.push({ path: 'collection', message: 'must be a non-empty string' });
  if (typeof id !== 'string' || id === '') problems.push({ path: 'id', message: 'must be a non-empty string' });
  if (problems.length > 0) throw new InvalidInputError(problems, 'invalid document key');
}

export function checkIndexes(indexes: IndexValues | undefined): void {
  if (indexes === undefined) return;
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(indexes)) {
    if (name === '') problems.push({ path: 'indexes', message: 'an index name must not be empty' });
    if (typeof value !== 'string') problems.push({ path: `indexes.${name}`, message: 'an index value must be a string' });
  }
  if (problems.length > 0) throw new InvalidInputError(problems, 'invalid index values');
}

/** The page size to use: the caller's limit within the store's cap, or the cap. */
export function pageSize(limit: number | undefined, cap: number): number {
  if (limit === undefined) return cap;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidInputError([{ path: 'limit', message: `expected a positive whole number, got ${String(limit)}` }], 'invalid list query');
  }
  return Math.min(limit, cap);
}

/**
 * A batch may name each document once. The version a second op would have to expect is only
 * known after the first is written, and stores without transactions check every expectation
 * before writing anything, so two ops on one document could not mean the same on every host.
 */
export function checkBatch(ops: readonly WriteOp[]): void {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  ops.forEach((op, i) => {
    try {
      checkKey(op.collection, op.id);
      if (op.kind === 'put') checkIndexes(op.indexes);
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      problems.push(...e.problems.map((p) => ({ path: `ops[${i}].${p.path}`, message: p.message })));
      return;
    }
    // Collection and id are joined with a character neither may usefully contain.
    const key = `${op.collection}\u0000${op.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ path: `ops[${i}]`, message: `${op.collection}/${op.id} is already written by ops[${first}]; a batch names each document once` });
    } else {
      seen.set(key, i);
    }
  });
  if (problems.length > 0) throw new InvalidInputError(problems, 'invalid batch');
}
