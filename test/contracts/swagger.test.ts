// The Swagger 2.0 checker itself: Microsoft's recorded examples pass, and what an emulator or an
// adapter could get wrong (invented fields, wrong types, bad enums, stray parameters) is caught.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SwaggerContract } from './swagger';
import { contractFile } from './paths';

const contract = SwaggerContract.load(contractFile('ado-wit-7.2.swagger.json'));
const example = (name: string) =>
  JSON.parse(readFileSync(contractFile(`ado-wit-7.2-examples/${name}`), 'utf8')) as {
    parameters: { body?: unknown };
    responses: { '200': { body: unknown } };
  };

describe('SwaggerContract on the Work Item Tracking 7.2 description', () => {
  it("accepts Microsoft's recorded answers and requests", () => {
    const wiql = example('GET__wit_get_id_workitems.json');
    expect(contract.checkRequest({ method: 'POST', path: '/fabrikam/_apis/wit/wiql', query: { 'api-version': '7.2-preview.2' }, body: wiql.parameters.body })).toEqual([]);
    expect(contract.checkResponse({ method: 'POST', path: '/fabrikam/_apis/wit/wiql' }, 200, wiql.responses['200'].body)).toEqual([]);
    expect(contract.check('WorkItemQueryResult', example('GET__wit_wiql__queryId_.json').responses['200'].body)).toEqual([]);
    const batch = example('POST__wit_WorkItemsBatch_ids-_ids__fields-_columns_.json');
    expect(contract.checkRequest({ method: 'POST', path: '/fabrikam/_apis/wit/workitemsbatch', headers: { Accept: 'application/json; api-version=7.2-preview.1' }, body: batch.parameters.body })).toEqual([]);
    expect(contract.checkResponse({ method: 'POST', path: '/fabrikam/_apis/wit/workItemsBatch' }, 200, batch.responses['200'].body)).toEqual([]);
    const states = example('GET__workitem_type_states.json');
    expect(contract.checkResponse({ method: 'GET', path: '/fabrikam/Fabrikam-Fiber-Git/_apis/wit/workitemtypes/Bug/states' }, 200, states.responses['200'].body)).toEqual([]);
  });

  it('matches optional path segments (x-ms-required: false) and case-insensitive paths', () => {
    expect(contract.operation('POST', '/org/Project/Team/_apis/wit/wiql')?.template).toBe('/{organization}/{project}/{team}/_apis/wit/wiql');
    expect(contract.operation('POST', '/org/Project/_apis/wit/wiql')?.template).toBe('/{organization}/{project}/{team}/_apis/wit/wiql');
    expect(contract.operation('POST', '/org/_apis/wit/WorkItemsBatch')?.template).toBe('/{organization}/{project}/_apis/wit/workitemsbatch');
    // states need their project: it is not optional there.
    expect(contract.operation('GET', '/org/_apis/wit/workitemtypes/Bug/states')).toBeUndefined();
  });

  it('catches invented fields, wrong types and the bare collection without its envelope', () => {
    expect(contract.check('WorkItem', { id: 1, fields: { 'System.Id': 1 }, parentId: 3 })).toEqual(['/ must NOT have additional properties (parentId)']);
    expect(contract.check('WorkItem', { id: '1' })).toEqual(['/id must be integer']);
    expect(contract.check('WorkItemQueryResult', { queryType: 'deep' })[0]).toMatch(/queryType must be equal to one of the allowed values/);
    expect(contract.checkResponse({ method: 'POST', path: '/o/_apis/wit/workitemsbatch' }, 200, [{ id: 1 }])).toEqual([
      'a collection must travel as { count, value } (VssJsonCollectionWrapper)',
    ]);
    expect(contract.checkResponse({ method: 'POST', path: '/o/_apis/wit/workitemsbatch' }, 200, { count: 2, value: [{ id: 1 }] })).toEqual([
      'count 2 differs from 1 values',
    ]);
    expect(contract.checkResponse({ method: 'POST', path: '/o/_apis/wit/workitemsbatch' }, 200, { count: 1, value: [null] })).toEqual(['value/0 must be object']);
    expect(contract.checkResponse({ method: 'POST', path: '/o/_apis/wit/workitemsbatch' }, 200, { count: 1, value: [null] }, { omittedItems: true })).toEqual([]);
  });

  it('catches request mistakes: numeric enums, missing api-version, stray query parameters', () => {
    expect(contract.checkRequest({ method: 'POST', path: '/o/_apis/wit/workitemsbatch', query: { 'api-version': '7.2' }, body: { ids: [1], errorPolicy: 2 } })[0]).toMatch(
      /body\/errorPolicy must be equal to one of the allowed values/,
    );
    expect(contract.checkRequest({ method: 'POST', path: '/o/_apis/wit/workitemsbatch', body: { ids: [1] } })).toEqual(['query parameter api-version is required']);
    expect(contract.checkRequest({ method: 'GET', path: '/o/p/_apis/wit/workitems', query: { 'api-version': '7.2', ids: '1,x', top: '3' } })).toEqual([
      'query parameter ids 1,x is not a comma-separated list of integers',
      'query parameter top is not described',
    ]);
    expect(contract.checkRequest({ method: 'POST', path: '/o/_apis/wit/wiql', query: { 'api-version': '7.2', $top: 'ten' }, body: { query: 'x', mode: 'fast' } })).toEqual([
      'query parameter $top ten is not an integer',
      'body/ must NOT have additional properties (mode)',
    ]);
  });
});
