import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { ClinicBridge } from '../../src-shared/bridge';
import type { Result } from '../../src-shared/api/errors';
import { createWebBridge } from './bridge/web-bridge';
import { checkDraft } from './draft-checks';
import { i18next } from './i18n';

declare global {
  interface Window {
    clinic?: ClinicBridge;
  }
}

/** Electron's preload defines `window.clinic`; in browser mode the page installs the same shape. */
export const bridge: ClinicBridge = window.clinic ?? createWebBridge();
window.clinic ??= bridge;

/** Opens an appointment's stored meeting link in the computer's browser (the page never names a URL). */
export function openMeetingLink(appointmentId: string): Promise<Result<null>> {
  return bridge.openMeetingLink(appointmentId);
}

type Watcher = (name: ProcedureName, result: Result<unknown>) => void;
let watcher: Watcher = () => undefined;

/** The session store watches every answer so that LOCKED or UNAUTHENTICATED anywhere locks the screen. */
export function watchResults(fn: Watcher): void {
  watcher = fn;
}

/** Bumped on lock and sign-out: answers to calls made before then are dropped, not stored. */
let generation = 0;

export function forgetPendingCalls(): void {
  generation += 1;
}

async function invoke(name: ProcedureName, input: unknown): Promise<Result<unknown>> {
  // The draft is checked with the procedure's own schema before it leaves the page: a form gets main's
  // very answer (same fields, same words) without the round trip. Main checks every call again.
  const refused = checkDraft(name, input as Input<typeof name>);
  if (refused) {
    watcher(name, { ok: false, error: refused });
    return { ok: false, error: refused };
  }
  const started = generation;
  const result = await bridge.invoke(name, input);
  if (started !== generation) {
    return { ok: false, error: { code: 'LOCKED', message: i18next.t('common:api.theScreenWasLockedBefore') } };
  }
  watcher(name, result);
  return result;
}

/**
 * `call('users.create', input)`: typed by the contract, the renderer's one way to a procedure (reads that
 * follow the screen go through `useProcedure`, which calls this). The name is written whole, so a search
 * for `'users.create'` finds every caller.
 */
export async function call<N extends ProcedureName>(name: N, input: Input<N>): Promise<Result<Output<N>>> {
  return (await invoke(name, input)) as Result<Output<N>>;
}
