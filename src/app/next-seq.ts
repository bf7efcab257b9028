// Ids of appended documents (check-ins, readings): `<owner>#<seq>` as imports write them, or
// `<owner>#<seq>-<random>` as check-ins and readings made in the app write them.
//
// Why the random part: two people checking in on one KR at the same moment both read the same
// last sequence number. With `<owner>#<seq>` alone both would create the same id, and all but one
// would be refused as "changed by someone else" (issue 8, finding 10). With a random suffix each
// creates its own document, so every concurrent append lands, without a retry loop that would
// grow with the number of writers. Order is kept: the sequence part still says how many
// appends the writer had seen, so a later append sorts after everything it saw (`#000005-…`
// sorts after `#000004-…` and after the plain `#000005` an import wrote); appends made at the
// same moment share a sequence number and sort among themselves by their random part, which is
// as good an order as any for appends nobody saw before the other.

/** The next sequence number among documents whose ids are `<owner>#<seq>` or `<owner>#<seq>-<suffix>`. */
export function nextSeq(owner: string, ids: readonly string[]): number {
  let next = 0;
  for (const id of ids) {
    if (!id.startsWith(`${owner}#`)) continue;
    const n = Number(/^\d+/.exec(id.slice(owner.length + 1))?.[0]);
    if (Number.isInteger(n) && n >= next) next = n + 1;
  }
  return next;
}

/** 10 random base-36 characters (about 51 bits): two writers meeting on one is not a practical concern. */
export function appendSuffix(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return [...random(new Uint8Array(10))].map((b) => (b % 36).toString(36)).join('');
}
