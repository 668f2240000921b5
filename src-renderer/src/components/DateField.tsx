import { useState, type InputHTMLAttributes } from 'react';
import { formatDate } from '../../../src-shared/locale/date-format';
import { parseDateInput } from '../../../src-shared/patients/dates';
import { dateReadBack, useDateFormat } from '../format/calendar-date';
import { useTranslation } from '../i18n';
import { Field } from './Field';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'defaultValue'>;

interface DateFieldProps extends InputProps {
  label: string;
  /** 'YYYY-MM-DD', '' for none, or the text as typed while it is not yet a date. */
  value: string;
  /** Called with 'YYYY-MM-DD' once the text reads as a date, '' when emptied, else the raw text. */
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
}

/**
 * Every date a person types: shown and read in the clinic's date format (not the browser's locale, as
 * a native date input would), with the date it was read as written out in words under the field, so
 * "2/3/1980" in a month-first clinic is seen to be February 3 before it is saved. ISO (2026-12-08)
 * is always accepted. The value handed back is ISO, so forms and main keep one shape.
 */
export function DateField({ label, value, onChange, error, hint, ...input }: DateFieldProps) {
  const { t } = useTranslation('common');
  const format = useDateFormat();
  const [text, setText] = useState(() => formatDate(value, format));
  const read = parseDateInput(text, format);
  // A value set from outside (a reset, a preset, the settings arriving) replaces what was typed.
  const [shown, setShown] = useState({ value, format });
  if (shown.value !== value || shown.format !== format) {
    setShown({ value, format });
    if (value !== (read ?? text.trim())) setText(formatDate(value, format));
  }
  return (
    <Field
      label={label}
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      placeholder={format}
      className="date-input"
      {...input}
      value={text}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (parseDateInput(typed, format) ?? typed));
      }}
      // Main reads dates as YYYY-MM-DD and says so; what was typed here is in the clinic's format.
      error={
        error && text.trim() !== '' && read === null ? t('DateField.mustBeARealDate', { dateFormat: format }) : error
      }
      hint={dateReadBack(text, format, hint)}
    />
  );
}
