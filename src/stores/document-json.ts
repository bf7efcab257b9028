// Every durable host store (Forge KVS, ADO Extension Data Service, SQLite) keeps a document as
// JSON text, so a value must survive JSON unchanged. JSON.stringify alone degrades silently
// (NaN becomes null, a Map becomes {}, an undefined array element becomes null); we refuse
// those instead, so that what the app stores is exactly what it reads back on every host.
import { InvalidInputError } from '../core/model/errors';

function refuse(key: string, message: string): never {
  throw new InvalidInputError([{ path: key, message }], 'value cannot be stored as JSON');
}

function checkedMember(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) refuse(key, `${String(value)} is not a JSON number`);
      return value;
    case 'undefined':
      // Undefined object members are legitimately dropped (optional fields); in an array it
      // would turn into null.
      if (Array.isArray(this)) refuse(key, 'undefined array element');
      return value;
    case 'function':
    case 'symbol':
      refuse(key, `a ${typeof value} is not JSON data`);
      break;
    case 'object':
      if (value !== null && !Array.isArray(value)) {
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) refuse(key, 'only plain objects and arrays are JSON data');
      }
      return value;
    case 'string':
    case 'boolean':
    case 'bigint':
      return value;
  }
  return value;
}

/** The JSON text of a document value; throws InvalidInputError for anything JSON would alter. */
export function encodeDocument(value: unknown): string {
  if (value === undefined) refuse('', 'a document value cannot be undefined');
  try {
    return JSON.stringify(value, checkedMember);
  } catch (e) {
    if (e instanceof InvalidInputError) throw e;
    // BigInt and cyclic structures land here with the engine's own wording.
    refuse('', e instanceof Error ? e.message : String(e));
  }
}

export function decodeDocument<T>(json: string): T {
  return JSON.parse(json) as T;
}
