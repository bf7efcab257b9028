// The custom entity declarations the Forge store runs on, read from the file that manifest.yml
// takes them from, so the tests and the deployed app cannot disagree about them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { EntityDeclaration } from './forge-kvs';

export const ENTITIES_FILE = fileURLToPath(new URL('../../docs/forge-entities.yml', import.meta.url));

export function forgeEntities(): EntityDeclaration[] {
  const parsed = parse(readFileSync(ENTITIES_FILE, 'utf8')) as { storage?: { entities?: EntityDeclaration[] } };
  const entities = parsed.storage?.entities;
  if (!entities) throw new Error(`${ENTITIES_FILE} has no storage.entities`);
  return entities;
}
