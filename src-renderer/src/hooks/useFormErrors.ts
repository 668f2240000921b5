import { useState } from 'react';
import type { ApiErrorData } from '../../../src-shared/api/errors';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

const NONE: FormErrors = { fields: {}, form: null };

/**
 * Splits an answer's error into messages for the fields it names and one for the form. A message
 * naming a field goes under that field only; the rest is shown by the form's button.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(NONE);
  return {
    errors,
    clear: () => setErrors(NONE),
    show: (error: ApiErrorData) => {
      const fields = error.details?.fields ?? {};
      const named = Object.keys(fields).length > 0;
      setErrors({ fields, form: named && error.code === 'VALIDATION' ? 'Please correct the fields marked below.' : error.message });
    },
    setField: (field: string, problem: string) => setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: problem } })),
  };
}
