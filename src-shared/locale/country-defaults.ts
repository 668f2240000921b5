import type { DateFormat, TimeFormat, WeekStart } from '../api/areas/settings';

/**
 * What a clinic in a country usually writes: set-up fills these in when the country is chosen, and each
 * stays a setting of its own (a clinic may differ from its country's habit). Pure, shared by set-up's
 * screen and main (which fills in what set-up was not sent).
 */
export interface CountryDefaults {
  name: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  weekStart: WeekStart;
  currency: string;
}

const dmy24 = { dateFormat: 'DD/MM/YYYY', timeFormat: '24h', weekStart: 1 } as const;
const dmy12 = { dateFormat: 'DD/MM/YYYY', timeFormat: '12h', weekStart: 1 } as const;

/** The countries offered at set-up, by ISO 3166 alpha-2 code; another country is typed as its code. */
export const COUNTRY_DEFAULTS: Readonly<Record<string, CountryDefaults>> = {
  US: { name: 'United States', dateFormat: 'MM/DD/YYYY', timeFormat: '12h', weekStart: 7, currency: 'USD' },
  CA: { name: 'Canada', dateFormat: 'YYYY-MM-DD', timeFormat: '12h', weekStart: 7, currency: 'CAD' },
  MX: { name: 'Mexico', ...dmy12, weekStart: 7, currency: 'MXN' },
  BR: { name: 'Brazil', ...dmy24, weekStart: 7, currency: 'BRL' },
  GB: { name: 'United Kingdom', ...dmy24, currency: 'GBP' },
  IE: { name: 'Ireland', ...dmy24, currency: 'EUR' },
  FR: { name: 'France', ...dmy24, currency: 'EUR' },
  DE: { name: 'Germany', ...dmy24, currency: 'EUR' },
  ES: { name: 'Spain', ...dmy24, currency: 'EUR' },
  PT: { name: 'Portugal', ...dmy24, currency: 'EUR' },
  IT: { name: 'Italy', ...dmy24, currency: 'EUR' },
  NL: { name: 'Netherlands', ...dmy24, currency: 'EUR' },
  BE: { name: 'Belgium', ...dmy24, currency: 'EUR' },
  CH: { name: 'Switzerland', ...dmy24, currency: 'CHF' },
  SE: { name: 'Sweden', dateFormat: 'YYYY-MM-DD', timeFormat: '24h', weekStart: 1, currency: 'SEK' },
  PL: { name: 'Poland', ...dmy24, currency: 'PLN' },
  ZA: { name: 'South Africa', dateFormat: 'YYYY-MM-DD', timeFormat: '24h', weekStart: 7, currency: 'ZAR' },
  NG: { name: 'Nigeria', ...dmy12, currency: 'NGN' },
  KE: { name: 'Kenya', ...dmy12, currency: 'KES' },
  IN: { name: 'India', ...dmy12, weekStart: 7, currency: 'INR' },
  PH: { name: 'Philippines', dateFormat: 'MM/DD/YYYY', timeFormat: '12h', weekStart: 7, currency: 'PHP' },
  JP: { name: 'Japan', dateFormat: 'YYYY-MM-DD', timeFormat: '24h', weekStart: 7, currency: 'JPY' },
  AU: { name: 'Australia', ...dmy12, currency: 'AUD' },
  NZ: { name: 'New Zealand', ...dmy12, currency: 'NZD' },
  AE: { name: 'United Arab Emirates', ...dmy12, weekStart: 1, currency: 'AED' },
};

/** The defaults of a known country; an unknown one gets the unambiguous forms (ISO dates, 24-hour times, Monday). */
export function defaultsForCountry(country: string): CountryDefaults {
  return (
    COUNTRY_DEFAULTS[country.toUpperCase()] ?? {
      name: country.toUpperCase(),
      dateFormat: 'YYYY-MM-DD',
      timeFormat: '24h',
      weekStart: 1,
      currency: 'USD',
    }
  );
}
