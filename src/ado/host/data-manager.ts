// The Extension Data Service manager, kept usable for as long as a page stays open. The manager
// is bound to the access token it was created with; when the service answers 401 (the token
// expired), a manager with a fresh token takes over and the call is made once more.
import type { IExtensionDataManager } from 'azure-devops-extension-api/Common';
import type { ExtensionDataManager } from '../../stores/ado-extension-data-document-store';

const isUnauthorized = (error: unknown) => (error as { status?: unknown } | null)?.status === 401;

export function refreshingDataManager(connect: () => Promise<IExtensionDataManager>): ExtensionDataManager {
  let current: Promise<IExtensionDataManager> | undefined;
  const manager = (): Promise<IExtensionDataManager> => {
    const pending = current ?? connect();
    current = pending;
    // A failed connection is not kept: the next call connects again.
    pending.catch(() => {
      if (current === pending) current = undefined;
    });
    return pending;
  };
  async function run<T>(call: (m: IExtensionDataManager) => Promise<T>): Promise<T> {
    const pending = manager();
    try {
      return await call(await pending);
    } catch (error) {
      if (!isUnauthorized(error)) throw error;
      // Concurrent calls that all saw the 401 share one reconnection.
      if (current === pending) current = undefined;
      return call(await manager());
    }
  }
  return {
    getDocument: (collection, id, options) => run((m) => m.getDocument(collection, id, options)),
    getDocuments: (collection, options) => run((m) => m.getDocuments(collection, options)),
    createDocument: (collection, doc, options) => run((m) => m.createDocument(collection, doc, options)),
    setDocument: (collection, doc, options) => run((m) => m.setDocument(collection, doc, options)),
    updateDocument: (collection, doc, options) => run((m) => m.updateDocument(collection, doc, options)),
    deleteDocument: (collection, id, options) => run((m) => m.deleteDocument(collection, id, options)),
  };
}
