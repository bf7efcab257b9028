// A set of ids kept in id order (compareIds), so the in-memory store can answer a page after a
// cursor by binary search instead of sorting the whole collection on every list.
import { compareIds } from './id-order';

export class SortedIds {
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  add(id: string): void {
    const i = this.firstNotBefore(id);
    if (this.ids[i] !== id) this.ids.splice(i, 0, id);
  }

  remove(id: string): void {
    const i = this.firstNotBefore(id);
    if (this.ids[i] === id) this.ids.splice(i, 1);
  }

  /** Up to `count` ids after `cursor` (from the start without one). */
  after(cursor: string | undefined, count: number): string[] {
    let start = 0;
    if (cursor !== undefined) {
      start = this.firstNotBefore(cursor);
      if (this.ids[start] === cursor) start++;
    }
    return this.ids.slice(start, start + count);
  }

  /** Position of the first id that does not sort before `id`. */
  private firstNotBefore(id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(this.ids[mid] as string, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
