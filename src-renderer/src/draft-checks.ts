import type { Input, ProcedureName } from '../../src-shared/api/contract';
import type { ApiErrorData } from '../../src-shared/api/errors';

type RefusedDraft = <N extends ProcedureName>(name: N, input: Input<N>) => ApiErrorData | null;
let refusedDraft: RefusedDraft | null = null;

/**
 * The procedures' schemas (zod and every area of the contract, more than half of what the first page
 * would otherwise run before sign-in paints) are in `draft-refusal.ts`, which installs its check here
 * when it runs. The frame imports it, so every screen behind sign-in has it before it renders, and App
 * loads the frame 300 ms after the first render, which brings it to the sign-in, lock and set-up forms
 * too. Until then a draft
 * is not checked here: it goes to main, whose answer is the very one the page would have made (same
 * fields, same words); only the round trip is not saved.
 */
export function installDraftChecks(check: RefusedDraft): void {
  refusedDraft = check;
}

/** Main's answer to this draft, made here (`refusedDraft`); null when main would take it or the schemas are not loaded yet. */
export function checkDraft<N extends ProcedureName>(name: N, input: Input<N>): ApiErrorData | null {
  return refusedDraft?.(name, input) ?? null;
}
