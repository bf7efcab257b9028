// How our collection names and document ids become names the Extension Data Service accepts.
//
// Both end up in URL path segments (`.../Collections/{collection}/Documents/{id}`), where the
// service's front end refuses characters such as `:` `#` `%` `?` `*` even when percent-encoded,
// and the service keeps collection names in a 100-character VARCHAR column (ASCII, and compared
// by SQL, so possibly without regard to case). Our ids hold `:` and `#` (`KR1#ado:42`) and index
// values are user text (`KR1` must not meet `kr1`), so every part is spelled in lowercase
// letters and digits, anything else escaped as `_` + the hex of its UTF-8 bytes. A name that
// would still be too long keeps a readable start and ends in `.` + a SHA-256 digest; `.` is never
// produced by the escaping, so a digest-named key cannot meet an escaped one.
//
// The original id travels inside each document, so nothing ever needs to be decoded.

/** The service's limit on a collection name (its schema: VARCHAR(100)). */
export const MAX_COLLECTION_NAME = 100;
/** Our own bound on a document id: no limit is documented, so stay far from any plausible one. */
export const MAX_DOCUMENT_ID = 120;

const KEEP = /^[a-z0-9]$/;
const encoder = new TextEncoder();

/** `KR1#ado:42` → `_4b_521_23ado_3a42`: only `[a-z0-9_]`, distinct inputs give distinct outputs. */
export function escapeName(text: string): string {
  let out = '';
  for (const ch of text) {
    if (KEEP.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of encoder.encode(ch)) out += `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `name` when it fits in `max`, else its first characters, `.`, and 160 bits of its SHA-256. */
async function fit(name: string, max: number): Promise<string> {
  if (name.length <= max) return name;
  const digest = (await sha256Hex(name)).slice(0, 40);
  return `${name.slice(0, max - digest.length - 1)}.${digest}`;
}

/**
 * Namer for one store: every collection name starts with the store's namespace, so the extension
 * can keep other data (settings) beside it without meeting our names.
 */
export class ExtensionDataNames {
  private readonly prefix: string;

  constructor(namespace: string) {
    if (!/^[a-z0-9]{1,20}$/.test(namespace)) throw new Error(`namespace must be 1-20 lowercase letters or digits, got ${JSON.stringify(namespace)}`);
    this.prefix = namespace;
  }

  /** The collection holding the documents of `collection`. */
  documents(collection: string): Promise<string> {
    return fit(`${this.prefix}-d-${escapeName(collection)}`, MAX_COLLECTION_NAME);
  }

  /** The collection listing the documents of `collection` whose index `index` has `value`. */
  index(collection: string, index: string, value: string): Promise<string> {
    return fit(`${this.prefix}-i-${escapeName(collection)}-${escapeName(index)}-${escapeName(value)}`, MAX_COLLECTION_NAME);
  }

  /** The collection of the store's write-ahead journal: its head (the lock) and the pieces of a batch. */
  journal(): string {
    return `${this.prefix}-j`;
  }

  /** The service's document id for our id. */
  documentId(id: string): Promise<string> {
    return fit(escapeName(id), MAX_DOCUMENT_ID);
  }
}
