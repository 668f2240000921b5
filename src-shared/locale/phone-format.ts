import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Phone numbers as the clinic reads them. Stored normalised (`patients/phones.ts`: + and digits when the
 * country is known); shown in the clinic's region's own way, with the country code only for a number
 * from elsewhere, by libphonenumber-js (Google's metadata, maintained). A number it cannot read is shown
 * as stored.
 */

/** The calling code of a region such as US ("1") or GB ("44"); null for an unknown region. */
export function callingCodeOf(region: string | null): string | null {
  if (!region || !isSupportedCountry(region)) return null;
  return getCountryCallingCode(region);
}

/** "+16175550142" in a US clinic -> "(617) 555-0142"; "+447700900123" there -> "+44 7700 900123". */
export function formatPhone(stored: string, region: string | null): string {
  const country = region && isSupportedCountry(region) ? region : undefined;
  const parsed = parsePhoneNumberFromString(stored, country);
  if (!parsed?.isPossible()) return stored;
  // The calling code, not the country: numbers of a reserved range (such as the UK's drama numbers) have no
  // country in the metadata but are still the clinic's own.
  const own = country !== undefined && parsed.countryCallingCode === getCountryCallingCode(country);
  return own ? parsed.formatNational() : parsed.formatInternational();
}
