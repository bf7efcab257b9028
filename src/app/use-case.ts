// The shape of one use case: a strict payload schema, the role it requires and the function that
// runs it. The map of all of them (create-app.ts) is typed by ApiMethods, so a missing or
// mistyped one, or one that declares no requirement, fails to compile.
import type { z } from 'zod';
import type { ApiInput, ApiName, ApiOutput } from './api';
import type { AppContext } from './context';
import type { Requirement } from './permissions';

export interface UseCase<K extends ApiName> {
  input: z.ZodType<ApiInput<K>>;
  /** Checked against the caller before `run` (src/app/permissions.ts). */
  requires: Requirement<K>;
  run(ctx: AppContext, input: ApiInput<K>): Promise<ApiOutput<K>>;
}
