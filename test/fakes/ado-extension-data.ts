// An in-memory IExtensionDataManager that behaves as Microsoft documents the Extension Data
// Service ("Data storage" in the extension docs), so the store's contract suite and the browser
// test host hold the store to the real rules:
// - a document is a JSON object with `id` and `__etag`; create assigns etag 1 (and a GUID when
//   there is no id) and fails when the id exists; each write increments the etag;
// - update needs an existing document and the stored `__etag`, else it throws; `-1` means last
//   write wins; set is an upsert that checks the etag the same way when the document exists;
// - get of a missing document or collection, and getDocuments of a missing collection, are 404;
//   delete is unconditional and 404 when there is nothing to delete;
// - collections are created by their first document; one whose last document is deleted is gone
//   (Microsoft removes empty collections), so it is 404 again;
// - `scopeType` Default (the organization) or User (per user) keep separate data.
// Beyond the documents, taken from the service's data layer: collection names are VARCHAR(100),
// so longer or non-ASCII names are refused, and SQL compares them without regard to case (the
// fake folds case, the stricter assumption). Errors carry what the SDK's fetch puts on them:
// `status` and `serverError.typeKey` with the service's exception name.
//
// Every call is answered on a later microtask and recorded, so tests can interleave concurrent
// writers and count requests.
import { randomUUID } from 'node:crypto';
import type { ExtensionDataCollection, IDocumentOptions, IExtensionDataManager } from 'azure-devops-extension-api/Common';

export type ExtensionDataMethod = 'getDocument' | 'getDocuments' | 'createDocument' | 'setDocument' | 'updateDocument' | 'deleteDocument' | 'queryCollections';

export interface ExtensionDataCall {
  method: ExtensionDataMethod;
  collection: string;
  id?: string;
}

/** The error the SDK's REST layer throws, as it arrives in the extension frame. */
export class ExtensionDataServiceError extends Error {
  readonly serverError: { typeKey: string; typeName: string; message: string; errorCode: number; eventId: number };

  constructor(readonly status: number, typeKey: string, message: string) {
    super(message);
    this.name = 'TFS.WebApi.Exception';
    this.serverError = {
      typeKey,
      typeName: `Microsoft.VisualStudio.Services.ExtensionManagement.WebApi.${typeKey}, Microsoft.VisualStudio.Services.ExtensionManagement.WebApi`,
      message,
      errorCode: 0,
      eventId: 3000,
    };
  }
}

type Doc = Record<string, unknown> & { id: string; __etag: number };

const MAX_COLLECTION_NAME = 100;

export class FakeExtensionDataManager implements IExtensionDataManager {
  readonly calls: ExtensionDataCall[] = [];
  /** scope → case-folded collection name → id → stored JSON text. */
  private readonly scopes = new Map<string, Map<string, Map<string, string>>>();

  constructor(private readonly options: { delayMs?: number } = {}) {}

  /** Everything stored, to put back with `restore` (tests that replay a scenario from one state). */
  save(): unknown {
    return new Map([...this.scopes].map(([scope, collections]) => [scope, new Map([...collections].map(([name, docs]) => [name, new Map(docs)]))]));
  }

  restore(saved: unknown): void {
    this.scopes.clear();
    for (const [scope, collections] of saved as Map<string, Map<string, Map<string, string>>>) {
      this.scopes.set(scope, new Map([...collections].map(([name, docs]) => [name, new Map(docs)])));
    }
  }

  /**
   * A connection to this service that is cut at its `at`-th request (1-based), as when the tab
   * using it closes: `before` the service gets that request, or `after` it applied it but before
   * the answer arrives. That request and every later one on this connection fail; the service
   * and every other connection go on. `reached()` tells whether the cut happened.
   */
  cutAt(at: number, when: 'before' | 'after'): IExtensionDataManager & { reached(): boolean } {
    let seen = 0;
    let dead = false;
    const cutError = () => Object.assign(new Error('the connection was cut'), { name: 'TypeError' });
    const through = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      if (dead) throw cutError();
      if (++seen === at) {
        dead = true;
        if (when === 'after') await call(...args).catch(() => undefined);
        throw cutError();
      }
      return call(...args);
    };
    return {
      reached: () => dead,
      getValue: through((key: string, o?: IDocumentOptions) => this.getValue(key, o)),
      setValue: through((key: string, value: unknown, o?: IDocumentOptions) => this.setValue(key, value, o)),
      getDocument: through((c: string, id: string, o?: IDocumentOptions) => this.getDocument(c, id, o)),
      getDocuments: through((c: string, o?: IDocumentOptions) => this.getDocuments(c, o)),
      createDocument: through((c: string, d: unknown, o?: IDocumentOptions) => this.createDocument(c, d, o)),
      setDocument: through((c: string, d: unknown, o?: IDocumentOptions) => this.setDocument(c, d, o)),
      updateDocument: through((c: string, d: unknown, o?: IDocumentOptions) => this.updateDocument(c, d, o)),
      deleteDocument: through((c: string, id: string, o?: IDocumentOptions) => this.deleteDocument(c, id, o)),
      queryCollectionsByName: through((names: string[]) => this.queryCollectionsByName(names)),
      queryCollections: through((cs: ExtensionDataCollection[]) => this.queryCollections(cs)),
    } as IExtensionDataManager & { reached(): boolean };
  }

  /** Requests made, by method. */
  count(method?: ExtensionDataMethod): number {
    return method ? this.calls.filter((c) => c.method === method).length : this.calls.length;
  }

  /** Every document of every collection in the Default scope, for assertions on the layout. */
  dump(): Record<string, Doc[]> {
    const out: Record<string, Doc[]> = {};
    for (const [name, docs] of this.scope(undefined)) out[name] = [...docs.values()].map((json) => JSON.parse(json) as Doc);
    return out;
  }

  async getValue<T>(key: string, documentOptions?: IDocumentOptions): Promise<T> {
    try {
      const doc = (await this.getDocument('$settings', key, documentOptions)) as unknown as { value: T };
      return doc.value;
    } catch (error) {
      if (error instanceof ExtensionDataServiceError && error.status === 404) return documentOptions?.defaultValue as T;
      throw error;
    }
  }

  async setValue<T>(key: string, value: T, documentOptions?: IDocumentOptions): Promise<T> {
    await this.setDocument('$settings', { id: key, __etag: -1, value }, documentOptions);
    return value;
  }

  async getDocument(collectionName: string, id: string, documentOptions?: IDocumentOptions): Promise<Doc> {
    await this.enter('getDocument', collectionName, id);
    const json = this.collection(collectionName, documentOptions)?.get(id);
    if (json === undefined) {
      throw this.collection(collectionName, documentOptions)
        ? notFound(id, collectionName)
        : collectionNotFound(collectionName);
    }
    return JSON.parse(json) as Doc;
  }

  async getDocuments(collectionName: string, documentOptions?: IDocumentOptions): Promise<Doc[]> {
    await this.enter('getDocuments', collectionName);
    const docs = this.collection(collectionName, documentOptions);
    if (!docs) throw collectionNotFound(collectionName);
    return [...docs.values()].map((json) => JSON.parse(json) as Doc);
  }

  async createDocument(collectionName: string, doc: unknown, documentOptions?: IDocumentOptions): Promise<Doc> {
    const body = documentBody(doc);
    const id = typeof body.id === 'string' && body.id !== '' ? body.id : randomUUID();
    await this.enter('createDocument', collectionName, id);
    const docs = this.collection(collectionName, documentOptions, true);
    if (docs.has(id)) {
      throw new ExtensionDataServiceError(409, 'DocumentExistsException', `A document with id ${id} already exists in collection ${collectionName}.`);
    }
    return this.store(docs, { ...body, id, __etag: 1 });
  }

  async setDocument(collectionName: string, doc: unknown, documentOptions?: IDocumentOptions): Promise<Doc> {
    const body = documentBody(doc);
    const id = typeof body.id === 'string' && body.id !== '' ? body.id : randomUUID();
    await this.enter('setDocument', collectionName, id);
    const docs = this.collection(collectionName, documentOptions, true);
    const current = docs.get(id);
    if (current === undefined) return this.store(docs, { ...body, id, __etag: 1 });
    return this.store(docs, { ...body, id, __etag: nextEtag(collectionName, id, JSON.parse(current) as Doc, body.__etag) });
  }

  async updateDocument(collectionName: string, doc: unknown, documentOptions?: IDocumentOptions): Promise<Doc> {
    const body = documentBody(doc);
    const id = typeof body.id === 'string' ? body.id : '';
    await this.enter('updateDocument', collectionName, id);
    const docs = this.collection(collectionName, documentOptions);
    if (!docs) throw collectionNotFound(collectionName);
    const current = docs.get(id);
    if (current === undefined) throw notFound(id, collectionName);
    return this.store(docs, { ...body, id, __etag: nextEtag(collectionName, id, JSON.parse(current) as Doc, body.__etag) });
  }

  async deleteDocument(collectionName: string, id: string, documentOptions?: IDocumentOptions): Promise<void> {
    await this.enter('deleteDocument', collectionName, id);
    const scope = this.scope(documentOptions);
    const docs = this.collection(collectionName, documentOptions);
    if (!docs) throw collectionNotFound(collectionName);
    if (!docs.delete(id)) throw notFound(id, collectionName);
    if (docs.size === 0) scope.delete(collectionName.toLowerCase());
  }

  queryCollectionsByName(collectionNames: string[]): Promise<ExtensionDataCollection[]> {
    return this.queryCollections(collectionNames.map((collectionName) => ({ collectionName, documents: [], scopeType: 'Default', scopeValue: 'Current' })));
  }

  async queryCollections(collections: ExtensionDataCollection[]): Promise<ExtensionDataCollection[]> {
    await this.enter('queryCollections', collections.map((c) => c.collectionName).join(','));
    return collections.map((c) => ({
      ...c,
      documents: [...(this.collection(c.collectionName, { scopeType: c.scopeType }) ?? new Map<string, string>()).values()].map((json) => JSON.parse(json) as Doc),
    }));
  }

  private async enter(method: ExtensionDataMethod, collection: string, id?: string): Promise<void> {
    this.calls.push(id === undefined ? { method, collection } : { method, collection, id });
    if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    else await Promise.resolve();
    if (method !== 'queryCollections') checkCollectionName(collection);
  }

  private scope(options: IDocumentOptions | undefined): Map<string, Map<string, string>> {
    const type = (options?.scopeType ?? 'Default').toLowerCase() === 'user' ? 'User/Me' : 'Default/Current';
    let scope = this.scopes.get(type);
    if (!scope) {
      scope = new Map();
      this.scopes.set(type, scope);
    }
    return scope;
  }

  private collection(name: string, options: IDocumentOptions | undefined, create: true): Map<string, string>;
  private collection(name: string, options: IDocumentOptions | undefined): Map<string, string> | undefined;
  private collection(name: string, options: IDocumentOptions | undefined, create = false): Map<string, string> | undefined {
    const scope = this.scope(options);
    const key = name.toLowerCase();
    let docs = scope.get(key);
    if (!docs && create) {
      docs = new Map();
      scope.set(key, docs);
    }
    return docs;
  }

  private store(docs: Map<string, string>, doc: Doc): Doc {
    const json = JSON.stringify(doc);
    docs.set(doc.id, json);
    return JSON.parse(json) as Doc;
  }
}

function documentBody(doc: unknown): Record<string, unknown> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ExtensionDataServiceError(400, 'InvalidDocumentException', 'A document must be a JSON object.');
  }
  return JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
}

function nextEtag(collection: string, id: string, current: Doc, sent: unknown): number {
  if (sent !== -1 && sent !== current.__etag) {
    throw new ExtensionDataServiceError(
      409,
      'InvalidDocumentVersionException',
      `The document ${id} in collection ${collection} has version ${current.__etag}; the update was based on version ${String(sent)}.`,
    );
  }
  return current.__etag + 1;
}

function notFound(id: string, collection: string): ExtensionDataServiceError {
  return new ExtensionDataServiceError(404, 'DocumentDoesNotExistException', `The document ${id} does not exist in collection ${collection}.`);
}

function collectionNotFound(collection: string): ExtensionDataServiceError {
  return new ExtensionDataServiceError(404, 'DocumentCollectionDoesNotExistException', `The collection ${collection} does not exist.`);
}

function checkCollectionName(name: string): void {
  if (name === '' || name.length > MAX_COLLECTION_NAME || !/^[\x20-\x7e]+$/.test(name)) {
    throw new ExtensionDataServiceError(400, 'ArgumentException', `The collection name ${JSON.stringify(name)} is not 1-${MAX_COLLECTION_NAME} ASCII characters.`);
  }
}
