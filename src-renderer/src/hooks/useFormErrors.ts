import { useEffect, useRef, useState } from 'react';
import type { Input, ProcedureName } from '../../../src-shared/api/contract';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import { checkDraft } from '../draft-checks';
import { i18next } from '../i18n';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

/** What the form's fields hold, keyed by the field paths errors name (`admin.password` may also be nested). */
export type FormValues = object;

interface Shown extends FormErrors {
  /** Each named field's value when its error was given: the error stands only while the value does. */
  given: Record<string, string>;
}

const NONE: Shown = { fields: {}, form: null, given: {} };
/** How long a changed field's value must stand before its problem is shown: typing is not an error yet. */
export const SETTLE_MS = 600;

/** What is wrong with the form as it stands, by field path: `{}` when nothing is. */
export type DraftProblems = () => Record<string, string>;

/**
 * The problems main would answer for this draft, by field path, in main's words (`validateDraft`) and,
 * as main would answer them, in the screen's language; `{}` when the draft is not yet a whole input
 * (null), main would take it, or the schemas have not loaded yet (draft-checks.ts).
 */
export function draftProblems<N extends ProcedureName>(name: N, input: Input<N> | null): Record<string, string> {
  if (input === null) return {};
  return checkDraft(name, input)?.details?.fields ?? {};
}
/** Read when shown, so it is in the language of the moment. */
export const correctTheFields = () => i18next.t('common:useFormErrors.pleaseCorrectTheFieldsMarked');

function valueAt(values: FormValues, path: string): unknown {
  if (path in values) return (values as Record<string, unknown>)[path];
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Comparable text of a value (a field may hold a list or an object, such as a chosen patient). */
function fingerprint(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}

function snapshot(values: FormValues, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fingerprint(valueAt(values, name))]));
}

/**
 * Splits an answer's error into messages for the fields it names and one for the form. A message
 * naming a field the form shows goes under that field only; the rest is shown by the form's button.
 * `shown` lists the field paths the form has (omit it when every named field is shown).
 *
 * The form's `values` (required, `{}` for a form without fields) let a field's error go as soon as that
 * field changes, and "Please correct the fields marked above" with the last of them: a corrected value
 * must not look refused until the next save. `show` takes the values the error is about when they are not
 * yet the rendered ones (a save that also added or removed a line).
 */
export function useFormErrors(values: FormValues, check?: DraftProblems) {
  const [state, setState] = useState<Shown>(NONE);
  const refusedFrom = useFirstInvalidFocus(state);
  const live = useLiveProblems(values, check, state !== NONE);
  const standing = Object.fromEntries(
    Object.entries(state.fields).filter(
      ([name]) => !(name in state.given) || state.given[name] === fingerprint(valueAt(values, name)),
    ),
  );
  const allCorrected =
    Object.keys(state.fields).length > 0 && Object.keys(standing).length === 0 && Object.keys(live).length === 0;
  const errors: FormErrors = {
    fields: { ...live, ...standing },
    form: state.form === correctTheFields() && allCorrected ? null : state.form,
  };
  const show = (error: ApiErrorData, shown?: readonly string[], about: FormValues = values) => {
    const fields = error.details?.fields ?? {};
    const names = Object.keys(fields);
    const given = snapshot(about, names);
    if (error.code !== 'VALIDATION' || names.length === 0) {
      setState({ fields, form: error.message, given });
      return;
    }
    refusedFrom.current = document.activeElement;
    const unshown = shown ? names.filter((name) => !shown.includes(name)) : [];
    const form =
      unshown.length > 0 ? unshown.map((name) => `${name}: ${fields[name] ?? ''}`).join('; ') : correctTheFields();
    setState({ fields, form, given });
  };
  return {
    errors,
    clear: () => {
      setState(NONE);
    },
    show,
    /** Refuses a save over the form's own problems (`check`'s answer), as main's VALIDATION would. */
    showProblems: (problems: Record<string, string>, shown?: readonly string[]) =>
      show({ code: 'VALIDATION', message: correctTheFields(), details: { fields: problems } }, shown),
    setField: (field: string, problem: string) => {
      const given = snapshot(values, [field]);
      setState((current) => ({
        fields: { ...current.fields, [field]: problem },
        form: correctTheFields(),
        given: { ...current.given, ...given },
      }));
    },
  };
}

/**
 * After a refused save, the first field marked invalid in the form that was saved takes the focus and
 * comes into view: on a long form the marked fields may be far above the button, and "Please correct the
 * fields marked above" alone leaves a person looking for them. The form is the one holding what had the
 * focus when the refusal came (the button, or the field Enter was pressed in); the page when nothing did.
 */
function useFirstInvalidFocus(state: Shown) {
  const refusedFrom = useRef<Element | null>(null);
  useEffect(() => {
    const origin = refusedFrom.current;
    refusedFrom.current = null;
    if (origin === null) return;
    const scope = origin.closest('form') ?? origin.closest('section') ?? document;
    const first = scope.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!first) return;
    first.focus({ preventScroll: true });
    first.scrollIntoView?.({ block: 'center' });
  }, [state]);
  return refusedFrom;
}

/**
 * Validate as they type: `check` says what is wrong with the form as it stands (its own parsing of
 * money and dates, then `draftProblems` with the procedure's schema). A field's problem shows once the
 * field differs from how the form started and has stood still for SETTLE_MS; once a save was refused
 * (`refused`), every field's problem shows at once and goes the moment it is put right.
 */
function useLiveProblems(values: FormValues, check: DraftProblems | undefined, refused: boolean) {
  const initial = useRef(values);
  const typed = fingerprint(values);
  const [settled, setSettled] = useState<FormValues>(values);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(typed) as FormValues), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  if (!check) return {};
  return Object.fromEntries(
    Object.entries(check()).filter(([path]) => {
      if (refused) return true;
      const now = fingerprint(valueAt(values, path));
      return now !== fingerprint(valueAt(initial.current, path)) && now === fingerprint(valueAt(settled, path));
    }),
  );
}
