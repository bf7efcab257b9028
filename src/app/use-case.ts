// The shape of one use case: a strict payload schema and the function that runs it. The map of
// all of them (create-app.ts) is typed by ApiMethods, so a missing or mistyped one fails to compile.
import type { z } from 'zod';
import type { ApiInput, ApiName, ApiOutput } from './api';
import type { AppContext } from './context';

export interface UseCase<K extends ApiName> {
  input: z.ZodType<ApiInput<K>>;
  run(ctx: AppContext, input: ApiInput<K>): Promise<ApiOutput<K>>;
}
