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

export function createApiClient(
  bridge: Pick<ClinicBridge, 'invoke' | 'on'>,
  names: readonly ProcedureName[],
): ApiClient {
  const client: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of names) {
    const [area, verb] = name.split('.') as [string, string];
    client[area] ??= {};
    client[area][verb] = (input: unknown) => bridge.invoke(name, input);
  }
  return client as unknown as ApiClient;
}

export type { Contract };
