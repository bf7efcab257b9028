// The next sequence number among documents whose ids are `<owner>#<seq>` (collections.ts seqId).
export function nextSeq(owner: string, ids: readonly string[]): number {
  let next = 0;
  for (const id of ids) {
    const n = Number(id.slice(owner.length + 1));
    if (Number.isInteger(n) && n >= next) next = n + 1;
  }
  return next;
}
