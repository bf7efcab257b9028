// One request in flight shared by every caller that asks meanwhile: the journal-head look of the
// ADO and Forge stores (a board reads a dozen collections at once; they share one look). A call
// made after the request settled starts a new one, so no caller ever sees an answer older than
// its own call.
export function sharedInFlight<T>(start: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending) return pending;
    const request = start();
    pending = request;
    const settled = () => {
      if (pending === request) pending = undefined;
    };
    request.then(settled, settled);
    return request;
  };
}
