// One invocation at a time recomputes a KR: the one holding its lease. Forge runs trigger
// invocations in parallel, so during an event storm hundreds of them arrive for the same KR;
// the first takes the lease and drains what the others marked dirty, the others mark and leave.
// A lease expires, so a holder that Forge stopped mid-way blocks the KR only until then.
import { ConflictError, NotFoundError } from '../../core/model/errors';
import type { DocumentStore, StoredDoc } from '../../core/ports/document-store';
import { FC, type LeaseDoc } from '../collections';

export type Lease = StoredDoc<LeaseDoc>;

export async function acquireLease(store: DocumentStore, kr: string, owner: string, until: number, now: number): Promise<Lease | undefined> {
  const current = await store.get<LeaseDoc>(FC.leases, kr);
  if (current && current.value.until > now && current.value.owner !== owner) return undefined;
  try {
    return await store.put<LeaseDoc>(FC.leases, kr, { owner, until }, { expected: current?.version ?? null });
  } catch (e) {
    // Another invocation took it between our read and our write.
    if (e instanceof ConflictError) return undefined;
    throw e;
  }
}

/** Extends the lease; undefined when it was taken over (it had expired), so the caller stops. */
export async function renewLease(store: DocumentStore, lease: Lease, until: number): Promise<Lease | undefined> {
  try {
    return await store.put<LeaseDoc>(FC.leases, lease.id, { ...lease.value, until }, { expected: lease.version });
  } catch (e) {
    if (e instanceof ConflictError || e instanceof NotFoundError) return undefined;
    throw e;
  }
}

export async function releaseLease(store: DocumentStore, lease: Lease): Promise<void> {
  try {
    await store.delete(FC.leases, lease.id, lease.version);
  } catch (e) {
    // Taken over after expiry: the new holder's lease is not ours to remove.
    if (!(e instanceof ConflictError) && !(e instanceof NotFoundError)) throw e;
  }
}
