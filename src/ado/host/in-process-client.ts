// The ApiClient of the extension: the app runs in the frame itself, so a call is a function call.
// It goes through `handle`, the same envelope every other host puts on its wire, so the UI sees
// exactly the errors it sees elsewhere (a conflict as `conflict`, bad input with its problems).
import type { ApiClient, ApiInput, ApiName, ApiOutput } from '../../app/api';
import type { App } from '../../app/create-app';
import { ApiError } from '../../ui/client/api-error';

export function inProcessClient(app: Pick<App, 'handle'>): ApiClient {
  return async <K extends ApiName>(name: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
    // A round trip through JSON, as on every other host: the UI never shares objects with the app.
    const envelope = await app.handle(name, JSON.parse(JSON.stringify(payload)) as unknown);
    if (envelope.ok) return envelope.data as ApiOutput<K>;
    throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.problems ?? []);
  };
}
