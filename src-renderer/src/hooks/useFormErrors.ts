import { useState } from 'react';
import type { ApiErrorData } from '../../../src-shared/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

const NONE: FormErrors = { fields: {}, form: null };

/**
 * Splits an answer's error into messages for the fields it names and one for the form. A message
 * naming a field the form shows goes under that field only; the rest is shown by the form's button.
 * `shown` lists the field paths the form has (omit it when every named field is shown).
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NONE);
  return {
    errors,
    clear: () => {
      setErrors(NONE);
    },
    show: (error: ApiErrorData, shown?: readonly string[]) => {
      const fields = error.details?.fields ?? {};
      const names = Object.keys(fields);
      if (error.code !== 'VALIDATION' || names.length === 0) {
        setErrors({ fields, form: error.message });
        return;
      }
      const unshown = shown ? names.filter((name) => !shown.includes(name)) : [];
      const form =
        unshown.length > 0
          ? unshown.map((name) => `${name}: ${fields[name] ?? ''}`).join('; ')
          : 'Please correct the fields marked above.';
      setErrors({ fields, form });
    },
    setField: (field: string, problem: string) => {
      setErrors((current) => ({
        fields: { ...current.fields, [field]: problem },
        form: 'Please correct the fields marked above.',
      }));
    },
  };
}
