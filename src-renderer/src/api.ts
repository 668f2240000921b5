import { contract, type Input, type Output, type ProcedureName } from '../../src-shared/api/contract';
import type { ClinicBridge } from '../../src-shared/bridge';
import { createApiClient } from '../../src-shared/api/client';
import type { Result } from '../../src-shared/api/errors';
import { createWebBridge } from './bridge/web-bridge';

declare global {
  interface Window {
    clinic?: ClinicBridge;
  }
}

export const bridge: ClinicBridge = window.clinic ?? createWebBridge();
window.clinic ??= bridge;

const client = createApiClient(bridge, Object.keys(contract) as ProcedureName[]);

type Watcher = (name: ProcedureName, result: Result<unknown>) => void;
let watcher: Watcher = () => undefined;

/** The session store watches every answer so that LOCKED or UNAUTHENTICATED anywhere locks the screen. */
export function watchResults(fn: Watcher): void {
  watcher = fn;
}

export async function call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Result<Output<N>>> {
  const result = (await bridge.invoke(name, input)) as Result<Output<N>>;
  watcher(name, result);
  return result;
}

export { client as api };
