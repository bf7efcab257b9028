import { describe, expect, it } from 'vitest';
import { HTTP_STATUS, toApiError } from '../../src/app/errors';
import { ConflictError, InvalidInputError, NotFoundError } from '../../src/core/model/errors';
import { harness } from './harness';

describe('toApiError: one mapping from thrown errors to the envelope', () => {
  it('keeps the app\'s own codes, messages and problems', () => {
    expect(toApiError(new InvalidInputError([{ path: 'value', message: 'required' }]))).toEqual({
      code: 'invalid-input',
      message: 'invalid input:\n  value: required',
      problems: [{ path: 'value', message: 'required' }],
    });
    expect(toApiError(new ConflictError('objectives', 'O1'))).toMatchObject({ code: 'conflict' });
    expect(toApiError(new NotFoundError('work item', 'jira:X-1'))).toEqual({ code: 'not-found', message: 'work item jira:X-1 does not exist (or you cannot see it)' });
  });

  it('maps tracker rate limits and permission failures, and hides nothing else behind a fake code', () => {
    const jira = Object.assign(new Error('Jira kept answering 429'), { code: 'jira-rate-limited', status: 429 });
    expect(toApiError(jira).code).toBe('rate-limited');
    expect(toApiError(Object.assign(new Error('429'), { status: 429 })).code).toBe('rate-limited');
    expect(toApiError(Object.assign(new Error('no'), { status: 403 })).code).toBe('forbidden');
    expect(toApiError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'something went wrong on our side: x is undefined' });
    expect(toApiError('boom').code).toBe('internal');
    expect(HTTP_STATUS).toMatchObject({ 'invalid-input': 400, 'not-found': 404, conflict: 409, 'rate-limited': 429, internal: 500 });
  });

  it('answers an envelope for an unknown use case and for a tracker failure', async () => {
    const h = await harness();
    expect(await h.app.handle('dropTables', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await h.app.handle('toString', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    h.source.failure = Object.assign(new Error('Jira kept answering 429'), { code: 'jira-rate-limited' });
    expect(await h.app.handle('getPanel', { ref: 'jira:CS-1' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(await h.app.handle('getKpis', {})).toMatchObject({ ok: true });
  });
});
