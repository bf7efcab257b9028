// docs/forge-entities.yml goes into manifest.yml as it is: it must pass what `forge deploy`
// checks offline, the manifest JSON schema of @forge/manifest and its StorageValidator limits
// (50 attributes, 7 indexes, attribute names up to 30 characters, no index called by-key).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BY_COLLECTION, BY_VALUE, DOC_ENTITY, INDEX_ENTITY } from '../../src/stores/forge-kvs-layout';
import { ENTITIES_FILE, forgeEntities } from '../fakes/forge-entities';

const require = createRequire(import.meta.url);
const manifestDir = join(require.resolve('@forge/manifest'), '..');

interface StorageValidatorModule {
  StorageValidator: new () => { validate(manifest: unknown): Promise<{ success: boolean; errors?: { message: string }[] }> };
}

describe('Forge custom entity declarations (docs/forge-entities.yml)', () => {
  it('match the manifest schema of @forge/manifest', () => {
    const schema = JSON.parse(readFileSync(join(manifestDir, 'schema', 'manifest-schema.json'), 'utf8')) as { definitions: { AppSchema: { properties: { storage: object } } } };
    // The storage part stands alone (no $ref), so it compiles without the whole manifest schema.
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema.definitions.AppSchema.properties.storage);
    const ok = validate({ entities: forgeEntities() });
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("pass @forge/manifest's storage limits", async () => {
    const { StorageValidator } = require(join(manifestDir, 'validators', 'storage-validator.js')) as StorageValidatorModule;
    const lines = readFileSync(ENTITIES_FILE, 'utf8').split('\n');
    const result = await new StorageValidator().validate({ typedContent: { app: { storage: { entities: forgeEntities() } } }, yamlContentByLine: lines });
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declare the entities and indexes the store queries', () => {
    const byName = new Map(forgeEntities().map((e) => [e.name, e]));
    const indexNames = (name: string) => (byName.get(name)?.indexes ?? []).map((i) => (typeof i === 'string' ? i : i.name));
    expect(indexNames(DOC_ENTITY)).toEqual([BY_COLLECTION]);
    expect(indexNames(INDEX_ENTITY)).toEqual([BY_VALUE]);
  });
});
