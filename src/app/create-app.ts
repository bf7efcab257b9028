// The app: every use case of ApiMethods over the ports, behind one `call` function that hosts
// carry over their own wire (HTTP in the workbench, resolvers in Forge, in-browser in ADO).
import { todayUtc } from '../core/model/dates';
import { NotFoundError } from '../core/model/errors';
import type { ApiClient, ApiEnvelope, ApiInput, ApiName, ApiOutput } from './api';
import { checkIn } from './check-in';
import type { AppContext, AppDeps } from './context';
import { authorize, rememberingActor } from './permissions';
import { deleteObjective } from './delete-objective';
import { toApiError } from './errors';
import { exportPlan } from './export-plan';
import { focusKpi } from './focus-kpi';
import { getBoard } from './get-board';
import { getKeyResult } from './get-key-result';
import { getKpis } from './get-kpis';
import { getPanel } from './get-panel';
import { getPermissions } from './get-permissions';
import { importPlan } from './import-plan';
import { linkWorkItem } from './link-work-item';
import { recordReading } from './record-reading';
import { saveKeyResult } from './save-key-result';
import { saveKpi } from './save-kpi';
import { saveObjective } from './save-objective';
import { searchKeyResults } from './search-key-results';
import { searchWorkItems } from './search-work-items';
import { unlinkWorkItem } from './unlink-work-item';
import type { UseCase } from './use-case';
import { parseInput } from './validate';

export const USE_CASES: { [K in ApiName]: UseCase<K> } = {
  getPanel,
  searchKeyResults,
  searchWorkItems,
  linkWorkItem,
  unlinkWorkItem,
  checkIn,
  getBoard,
  getKeyResult,
  getKpis,
  recordReading,
  focusKpi,
  saveObjective,
  deleteObjective,
  saveKeyResult,
  saveKpi,
  importPlan,
  exportPlan,
  getPermissions,
};

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(USE_CASES, name);
}

export interface App {
  /** Runs a use case; throws the app's errors (InvalidInputError, ConflictError, NotFoundError, ...). */
  call: ApiClient;
  /** The same, for an untrusted name and payload off a wire: never throws, answers the envelope. */
  handle(name: string, payload: unknown): Promise<ApiEnvelope<unknown>>;
}

export function createApp(deps: AppDeps): App {
  const base = { store: deps.store, source: deps.source, history: deps.history, today: deps.today ?? (() => todayUtc()) };

  const call: ApiClient = async <K extends ApiName>(name: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
    if (!isApiName(name)) throw new NotFoundError('use case', String(name));
    const useCase: UseCase<K> = USE_CASES[name];
    const input = parseInput(useCase.input, payload);
    // One call asks the host each question at most once.
    const ctx: AppContext = { ...base, actor: rememberingActor(deps.actor) };
    await authorize(name, useCase.requires, input, ctx.actor, ctx.store);
    return useCase.run(ctx, input);
  };

  const handle = async (name: string, payload: unknown): Promise<ApiEnvelope<unknown>> => {
    try {
      if (!isApiName(name)) throw new NotFoundError('use case', name);
      return { ok: true, data: await call(name, payload as never) };
    } catch (e) {
      return { ok: false, error: toApiError(e) };
    }
  };

  return { call, handle };
}
