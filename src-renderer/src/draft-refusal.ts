import type { Input, ProcedureName } from '../../src-shared/api/contract';
import type { ApiErrorData } from '../../src-shared/api/errors';
import { validateDraft } from '../../src-shared/api/validate-draft';
import { translateError } from '../../src-shared/refusals/translate';
import { installDraftChecks } from './draft-checks';
import { i18next } from './i18n';

/**
 * Main's answer to this draft, made here without the round trip (`validateDraft`) and worded as main
 * would word it for this screen: in Spanish when the screen is (main's catalogue, src-shared/refusals).
 */
export function refusedDraft<N extends ProcedureName>(name: N, input: Input<N>): ApiErrorData | null {
  const refused = validateDraft(name, input);
  if (!refused) return null;
  return wordedForScreen(refused);
}

/** A refusal of main's rules made here (shared code, such as the vitals' limits), in this screen's language. */
export function wordedForScreen(refused: ApiErrorData): ApiErrorData {
  return i18next.language === 'es' ? translateError(refused, 'es') : refused;
}

installDraftChecks(refusedDraft);
