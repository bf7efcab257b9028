// The trimmer that cuts Atlassian's OpenAPI down to the paths the tests use: kept schemas are
// exactly the transitive closure, nothing a kept template would swallow is dropped, and a path
// the source lacks is refused rather than silently skipped.
import { describe, expect, test } from 'vitest';
import { collectSchemaRefs, trimOpenApi } from './trim-openapi';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

const source = {
  openapi: '3.0.1',
  info: { title: 't' },
  tags: [{ name: 'Issues' }, { name: 'Admin' }],
  'x-atlassian-narrative': { documents: [] },
  paths: {
    '/issue/{key}': { get: { tags: ['Issues'], responses: { 200: json(ref('Issue')) } } },
    '/issue/picker': { get: { tags: ['Issues'], responses: { 200: json(ref('Picker')) } } },
    '/issue/{key}/comment': { get: { responses: { 200: json(ref('Comment')) } } },
    '/admin': { post: { tags: ['Admin'], requestBody: json(ref('Admin')), responses: {} } },
  },
  components: {
    securitySchemes: { OAuth2: {} },
    schemas: {
      Issue: { properties: { fields: ref('Fields'), parent: ref('Issue') } },
      Fields: { properties: { status: { items: ref('Status') } } },
      Status: { type: 'object' },
      Picker: { type: 'object' },
      Comment: { type: 'object' },
      Admin: { type: 'object' },
    },
  },
};

describe('trimOpenApi', () => {
  test('keeps the wanted paths and exactly the schemas they reach, cycles included', () => {
    const { doc } = trimOpenApi(source, ['/issue/{key}']);
    expect(Object.keys(doc.paths as object)).toEqual(['/issue/{key}', '/issue/picker']);
    const schemas = (doc.components as { schemas: object; securitySchemes: object }).schemas;
    expect(Object.keys(schemas)).toEqual(['Fields', 'Issue', 'Picker', 'Status']);
    expect((doc.components as { securitySchemes: object }).securitySchemes).toEqual({ OAuth2: {} });
    expect(doc.tags).toEqual([{ name: 'Issues' }]);
    expect(doc).not.toHaveProperty('x-atlassian-narrative');
    expect(doc.openapi).toBe('3.0.1');
  });

  test('keeps a path a wanted template would otherwise answer for, and says so', () => {
    // Without /issue/picker, GET /issue/picker would be validated as GET /issue/{key}.
    expect(trimOpenApi(source, ['/issue/{key}']).addedForRouting).toEqual(['/issue/picker']);
    // A literal path outranks nothing, so asking for it alone adds nothing.
    expect(trimOpenApi(source, ['/issue/picker']).addedForRouting).toEqual([]);
  });

  test('refuses a path the source does not describe', () => {
    expect(() => trimOpenApi(source, ['/issue/{key}', '/nope'])).toThrow('the source contract has no path /nope');
  });

  test('refuses a source whose reference points at no schema', () => {
    const broken = { ...source, paths: { '/x': { get: { responses: { 200: json(ref('Ghost')) } } } } };
    expect(() => trimOpenApi(broken, ['/x'])).toThrow('the source contract refers to a missing schema Ghost');
  });

  test('collectSchemaRefs reads escaped pointer segments', () => {
    expect(collectSchemaRefs({ a: [{ $ref: '#/components/schemas/A~1B' }], b: { $ref: '#/other/X' } })).toEqual(['A/B']);
  });
});
