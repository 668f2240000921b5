import type { DateFormat, TimeFormat, WeekStart } from '../../../src-shared/api/areas/settings';
import { COUNTRY_DEFAULTS, defaultsForCountry } from '../../../src-shared/locale/country-defaults';
import { formatClockTime } from '../../../src-shared/locale/time-format';
import { formatDate } from '../format/datetime';
import { SelectField } from './SelectField';
import { i18next, useTranslation } from '../i18n';
import { isIanaTimeZone } from '../../../src-shared/validation';

/** How the clinic writes dates, times, weeks and phone numbers: asked at set-up, changed in Settings. */
export interface LocaleDraft {
  country: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  weekStart: WeekStart;
  phoneRegion: string;
}

const DATE_FORMATS: readonly DateFormat[] = ['MM/DD/YYYY', 'DD/MM/YYYY', 'YYYY-MM-DD'];
const WEEK_STARTS: readonly { value: WeekStart; label: string }[] = [
  {
    value: 7,
    get label() {
      return i18next.t('common:LocaleFields.sunday');
    },
  },
  {
    value: 1,
    get label() {
      return i18next.t('common:LocaleFields.monday');
    },
  },
  {
    value: 6,
    get label() {
      return i18next.t('common:LocaleFields.saturday');
    },
  },
];
const COUNTRIES = Object.entries(COUNTRY_DEFAULTS)
  .map(([code, defaults]) => ({ value: code, label: defaults.name }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The draft a country suggests (each stays changeable), and the currency it usually uses. */
export function localeForCountry(country: string): { locale: LocaleDraft; currency: string } {
  const habit = defaultsForCountry(country);
  return {
    locale: {
      country,
      dateFormat: habit.dateFormat,
      timeFormat: habit.timeFormat,
      weekStart: habit.weekStart,
      phoneRegion: country,
    },
    currency: habit.currency,
  };
}

export function LocaleFields({
  value,
  timeZone,
  errors,
  onChange,
  onCountry,
}: {
  value: LocaleDraft;
  timeZone: string;
  errors: Record<string, string>;
  onChange: (next: LocaleDraft) => void;
  /** A new country: its formats are filled in (the caller may also change the currency). */
  onCountry: (country: string) => void;
}) {
  // The example dates are written in the zone typed, once it is one: half-typed ("Europe/Lon") it is not yet.
  const shownZone = isIanaTimeZone(timeZone) ? timeZone : 'UTC';
  const { t } = useTranslation('common');
  // Each clock's way of writing 14:30, shown beside its name.
  const halfPastTwo12 = formatClockTime(14 * 60 + 30, '12h');
  const halfPastTwo24 = formatClockTime(14 * 60 + 30, '24h');
  const now = Date.now();
  const countryOptions = [
    ...(value.country === '' ? [{ value: '', label: t('LocaleFields.chooseTheCountry') }] : []),
    ...COUNTRIES,
    ...(value.country !== '' && !(value.country in COUNTRY_DEFAULTS)
      ? [{ value: value.country, label: value.country }]
      : []),
  ];
  return (
    <>
      <SelectField
        label={t('LocaleFields.country')}
        value={value.country}
        options={countryOptions}
        onChange={(event) => onCountry(event.target.value)}
        error={errors.country}
      />
      <SelectField
        label={t('LocaleFields.dateFormat')}
        value={value.dateFormat}
        options={DATE_FORMATS.map((format) => ({
          value: format,
          label: t('LocaleFields.dateFormatOption', {
            format,
            today: formatDate(now, { timeZone: shownZone, dateFormat: format }),
          }),
        }))}
        onChange={(event) => {
          const chosen = DATE_FORMATS.find((format) => format === event.target.value);
          if (chosen) onChange({ ...value, dateFormat: chosen });
        }}
        error={errors.dateFormat}
      />
      <SelectField
        label={t('LocaleFields.timeFormat')}
        value={value.timeFormat}
        options={[
          { value: '12h', label: t('LocaleFields.hours12', { example: halfPastTwo12 }) },
          { value: '24h', label: t('LocaleFields.hours24', { example: halfPastTwo24 }) },
        ]}
        onChange={(event) => onChange({ ...value, timeFormat: event.target.value === '12h' ? '12h' : '24h' })}
        error={errors.timeFormat}
      />
      <SelectField
        label={t('LocaleFields.firstDayOfTheWeek')}
        value={String(value.weekStart)}
        options={WEEK_STARTS.map((start) => ({ value: String(start.value), label: start.label }))}
        onChange={(event) => {
          const chosen = WEEK_STARTS.find((start) => String(start.value) === event.target.value);
          if (chosen) onChange({ ...value, weekStart: chosen.value });
        }}
        error={errors.weekStart}
      />
      <SelectField
        label={t('LocaleFields.phoneNumbers')}
        value={value.phoneRegion}
        options={[
          ...(value.phoneRegion === '' ? [{ value: '', label: t('LocaleFields.asTyped') }] : []),
          ...COUNTRIES.map((country) => ({
            value: country.value,
            label: t('LocaleFields.numbersOf', { countryLabel: country.label }),
          })),
          ...(value.phoneRegion !== '' && !(value.phoneRegion in COUNTRY_DEFAULTS)
            ? [{ value: value.phoneRegion, label: t('LocaleFields.numbersOf2', { phoneRegion: value.phoneRegion }) }]
            : []),
        ]}
        onChange={(event) => onChange({ ...value, phoneRegion: event.target.value })}
        error={errors.phoneRegion}
      />
    </>
  );
}
