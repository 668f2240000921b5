import type { ClinicBridge } from '../bridge';
import type { Contract, Input, Output, ProcedureName } from './contract';
import type { Result } from './errors';

type Split<N extends string> = N extends `${infer Area}.${infer Verb}` ? [Area, Verb] : never;
type AreaOf<N extends ProcedureName> = Split<N>[0];
type Areas = AreaOf<ProcedureName>;

/** `api.users.create(input)`: typed from the contract, nothing declared twice. */
export type ApiClient = {
  [A in Areas]: {
    [N in ProcedureName as Split<N>[0] extends A ? Split<N>[1] : never]: (
      input: Input<N>,
    ) => Promise<Result<Output<N>>>;
  };
};

/**
 * A proxy rather than a table built from the contract's names: the page can offer `api` without
 * loading the contract's schemas (zod and every area, a third of the first page's script), and an
 * area's verbs are made the first time they are used. `then` is no procedure: awaiting the client (or an
 * area) must not look like a promise.
 */
type Call = (input: unknown) => Promise<Result<unknown>>;

export function createApiClient(bridge: Pick<ClinicBridge, 'invoke'>): ApiClient {
  const areas = new Map<string, Record<string, Call>>();
  const areaOf = (area: string): Record<string, Call> => {
    const verbs = new Map<string, Call>();
    return new Proxy<Record<string, Call>>(
      {},
      {
        get: (_target, verb) => {
          if (typeof verb !== 'string' || verb === 'then') return undefined;
          let call = verbs.get(verb);
          if (!call) {
            call = (input: unknown) => bridge.invoke(`${area}.${verb}` as ProcedureName, input);
            verbs.set(verb, call);
          }
          return call;
        },
      },
    );
  };
  return new Proxy<Record<string, Record<string, Call>>>(
    {},
    {
      get: (_target, area) => {
        if (typeof area !== 'string' || area === 'then') return undefined;
        let verbs = areas.get(area);
        if (!verbs) {
          verbs = areaOf(area);
          areas.set(area, verbs);
        }
        return verbs;
      },
    },
  ) as unknown as ApiClient;
}

export type { Contract };
