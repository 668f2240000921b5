import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';
import { useTranslation } from '../i18n';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

interface TimeZoneFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  error?: string | undefined;
  hint?: string;
}

/** A text field suggesting the IANA zones this browser knows; main checks the value. */
export function TimeZoneField(props: TimeZoneFieldProps) {
  const { t } = useTranslation('common');
  return (
    <>
      <Field label={t('TimeZoneField.timeZone')} list="time-zones" autoComplete="off" spellCheck={false} {...props} />
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
