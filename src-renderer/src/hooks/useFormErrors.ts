import { useState } from 'react';
import type { ApiErrorData } from '../../../src-shared/api/errors';
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
export const CORRECT_THE_FIELDS = i18next.t('common:useFormErrors.pleaseCorrectTheFieldsMarked');

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
export function useFormErrors(values: FormValues) {
  const [state, setState] = useState<Shown>(NONE);
  const standing = Object.fromEntries(
    Object.entries(state.fields).filter(
      ([name]) => !(name in state.given) || state.given[name] === fingerprint(valueAt(values, name)),
    ),
  );
  const allCorrected = Object.keys(state.fields).length > 0 && Object.keys(standing).length === 0;
  const errors: FormErrors = {
    fields: standing,
    form: state.form === CORRECT_THE_FIELDS && allCorrected ? null : state.form,
  };
  return {
    errors,
    clear: () => {
      setState(NONE);
    },
    show: (error: ApiErrorData, shown?: readonly string[], about: FormValues = values) => {
      const fields = error.details?.fields ?? {};
      const names = Object.keys(fields);
      const given = snapshot(about, names);
      if (error.code !== 'VALIDATION' || names.length === 0) {
        setState({ fields, form: error.message, given });
        return;
      }
      const unshown = shown ? names.filter((name) => !shown.includes(name)) : [];
      const form =
        unshown.length > 0 ? unshown.map((name) => `${name}: ${fields[name] ?? ''}`).join('; ') : CORRECT_THE_FIELDS;
      setState({ fields, form, given });
    },
    setField: (field: string, problem: string) => {
      const given = snapshot(values, [field]);
      setState((current) => ({
        fields: { ...current.fields, [field]: problem },
        form: CORRECT_THE_FIELDS,
        given: { ...current.given, ...given },
      }));
    },
  };
}
