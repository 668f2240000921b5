import { Field } from './Field';
import { useTranslation } from '../i18n';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/** A zone's city as a person types it: "Europe/New_York" → "new york". */
const cityOf = (zone: string) => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ').toLowerCase();

/**
 * The zone a city typed alone names ("London", "new york"), when exactly one zone has that city; the
 * text unchanged otherwise (main then says what a time zone must be).
 */
export function zoneNamed(typed: string): string {
  const city = typed.trim().replace(/_/g, ' ').toLowerCase();
  if (city === '' || TIME_ZONES.includes(typed.trim())) return typed;
  const matches = TIME_ZONES.filter((zone) => cityOf(zone) === city);
  return matches.length === 1 && matches[0] ? matches[0] : typed;
}

interface TimeZoneFieldProps {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string | undefined;
  hint?: string;
}

/**
 * A text field suggesting the zones this browser knows as it is typed; a city typed alone becomes its
 * zone when the field is left ("London" → Europe/London). Main checks the value.
 */
export function TimeZoneField({ value, onChange, error, hint }: TimeZoneFieldProps) {
  const { t } = useTranslation('common');
  return (
    <>
      <Field
        label={t('TimeZoneField.timeZone')}
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={onChange}
        onBlur={() => {
          const zone = zoneNamed(value);
          if (zone !== value) onChange({ target: { value: zone } });
        }}
        error={error}
        hint={hint}
      />
      <datalist id="time-zones">
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
