import { formatPhone } from '../../../src-shared/locale/phone-format';
import { useClinicSettings } from '../stores/clinic-settings';

/** Shows a stored phone number the clinic's way (its phone region); as stored until settings arrive. */
export function usePhoneFormat(): (stored: string) => string {
  const region = useClinicSettings((state) => state.settings?.phoneRegion ?? null);
  return (stored) => formatPhone(stored, region);
}
