// The Forge client through the REAL @forge/bridge: the bridge talks to its host through
// `globalThis.__bridge.callBridge(type, payload)`, which the Custom UI frame provides; here the
// host side answers `invoke` with the real app's envelope (app.handle), as a resolver does.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../src/app/api';
import { ApiError, problemsFor } from '../../../src/ui/client/api-error';
import { createForgeClient, type ForgeInvoke } from '../../../src/ui/client/forge-client';
import { harness, type Harness } from '../../app/harness';

type Handler = (type: string, payload: unknown) => Promise<unknown>;
let handler: Handler = () => Promise.reject(new Error('no host handler set'));
const calls: { type: string; payload: unknown }[] = [];

let bridgeInvoke: ForgeInvoke;
let h: Harness;
let api: ApiClient;

beforeAll(async () => {
  // The bridge reads the host's callBridge once, when it is loaded.
  (globalThis as { __bridge?: unknown }).__bridge = {
    callBridge: (type: string, payload: unknown) => {
      calls.push({ type, payload });
      return handler(type, payload);
    },
  };
  const bridge = await import('@forge/bridge');
  bridgeInvoke = (name, payload) => bridge.invoke(name, payload);
  h = await harness();
  handler = (type, payload) => {
    if (type !== 'invoke') return Promise.reject(new Error(`unexpected bridge call ${type}`));
    const { functionKey, payload: body } = payload as { functionKey: string; payload: unknown };
    return h.app.handle(functionKey, body);
  };
  api = createForgeClient(bridgeInvoke);
});

async function failure(run: () => Promise<unknown>): Promise<ApiError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('Forge client (invoke over @forge/bridge)', () => {
  it('calls the resolver named like the use case with the payload, and unwraps the envelope', async () => {
    calls.length = 0;
    const panel = await api('getPanel', { ref: 'jira:CS-1' });
    expect(panel).toEqual(await h.call('getPanel', { ref: 'jira:CS-1' }));
    expect(calls).toEqual([{ type: 'invoke', payload: { functionKey: 'getPanel', payload: { ref: 'jira:CS-1' }, metadata: undefined } }]);
  });

  it('turns a refusal into the typed ApiError the HTTP client throws, problems included', async () => {
    const invalid = await failure(() => api('checkIn', { kr: 'KR-RETENTION', value: Number.NaN }));
    expect(invalid.code).toBe('invalid-input');
    expect(problemsFor(invalid, 'value')).not.toEqual([]);
    const missing = await failure(() => api('getKeyResult', { kr: 'KR-NOPE' }));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain('KR-NOPE');
  });

  it('reports an answer that is not an envelope as internal', async () => {
    const client = createForgeClient(() => Promise.resolve({ issues: [] }));
    const error = await failure(() => client('getBoard', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('getBoard');
  });

  it('reports a failed invocation (resolver crash, no host) as internal with its reason', async () => {
    const saved = handler;
    handler = () => Promise.reject(new Error('There was an error invoking the function - Function timed out'));
    try {
      const error = await failure(() => api('getBoard', {}));
      expect(error.code).toBe('internal');
      expect(error.message).toContain('Function timed out');
    } finally {
      handler = saved;
    }
  });

  it("reports the bridge's own rate limit (500 calls per 25 s) as rate-limited", async () => {
    const saved = handler;
    handler = () => Promise.resolve({ ok: true, data: [] });
    try {
      const cheap = createForgeClient(bridgeInvoke);
      let error: ApiError | undefined;
      for (let i = 0; i < 600 && !error; i++) {
        try {
          await cheap('searchKeyResults', { text: 'x' });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          error = e;
        }
      }
      expect(error?.code).toBe('rate-limited');
    } finally {
      handler = saved;
    }
  });
});
