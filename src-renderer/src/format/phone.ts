import { useMemo } from 'react';
import { callingCodeOf, formatPhone } from '../../../src-shared/locale/phone-format';
import { isPlausiblePhone, normalisePhone } from '../../../src-shared/patients/phones';
import { i18next } from '../i18n';
import { useClinicSettings } from '../stores/clinic-settings';

/** Formatted numbers per region: parsing with libphonenumber-js costs more than a row's whole render. */
const formatted = new Map<string, Map<string, string>>();
/** A search result list's worth many times over; the oldest half goes when full. */
const KEPT_PER_REGION = 2000;

function cachedFormat(stored: string, region: string | null): string {
  let kept = formatted.get(region ?? '');
  if (!kept) formatted.set(region ?? '', (kept = new Map<string, string>()));
  const hit = kept.get(stored);
  if (hit !== undefined) return hit;
  const text = formatPhone(stored, region);
  if (kept.size >= KEPT_PER_REGION) {
    let drop = KEPT_PER_REGION / 2;
    for (const key of kept.keys()) {
      if (drop-- <= 0) break;
      kept.delete(key);
    }
  }
  kept.set(stored, text);
  return text;
}

/**
 * Shows a stored phone number the clinic's way (its phone region); as stored until settings arrive.
 * The same function while the region stays, so memoised rows given it are not drawn again.
 */
export function usePhoneFormat(): (stored: string) => string {
  const region = useClinicSettings((state) => state.settings?.phoneRegion ?? null);
  return useMemo(() => (stored: string) => cachedFormat(stored, region), [region]);
}

/**
 * How a typed number will be saved, the clinic's way ("Read as (770) 090-0123"), so a number from
 * elsewhere typed without its country code is seen to be read as the clinic's own before it is saved;
 * undefined while the text is not yet a number.
 */
export function usePhoneReadBack(): (typed: string) => string | undefined {
  const region = useClinicSettings((state) => state.settings?.phoneRegion ?? null);
  return useMemo(
    () => (typed: string) =>
      isPlausiblePhone(typed)
        ? i18next.t('common:calendar-date.readAs', {
            read: formatPhone(normalisePhone(typed, callingCodeOf(region)), region),
          })
        : undefined,
    [region],
  );
}
