// The Retry-After reader lives in the core (src/core/model/retry-after.ts) with the one retry
// policy, so stores can use it too; this path stays for the trackers and hosts that import it.
export { retryAfterMs } from '../../core/model/retry-after';
