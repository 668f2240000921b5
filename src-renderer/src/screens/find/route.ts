const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What `#/find/<patientId>[/<providerId>[/<appointmentId>[/<typeId>]]]` asks for: the patient (and
 * provider) chosen ahead, as a follow-up does; the missed appointment a booking replaces ("Book again",
 * left empty when nothing is replaced); and the appointment type chosen ahead (Rebook from the patient's page).
 */
export interface FindRoute {
  patientId: string | null;
  providerId: string | null;
  replacesId: string | null;
  typeId: string | null;
  /** `#/find/<patientId>/referral/<referralId>`: booking a referral from the work list. */
  referralId: string | null;
}

export function parseFindRoute(detail: string): FindRoute {
  const [patient = '', provider = '', replaces = '', type = ''] = detail.split('/');
  const patientId = UUID.test(patient) ? patient : null;
  const providerId = patientId && UUID.test(provider) ? provider : null;
  const referralId = patientId && provider === 'referral' && UUID.test(replaces) ? replaces : null;
  return {
    referralId,
    patientId,
    providerId,
    replacesId: providerId && UUID.test(replaces) ? replaces : null,
    typeId: providerId && UUID.test(type) ? type : null,
  };
}

export function findHref(
  patientId: string,
  providerId?: string | null,
  replacesId?: string | null,
  typeId?: string | null,
): string {
  if (!providerId) return `#/find/${patientId}`;
  const rest = typeId ? `/${replacesId ?? ''}/${typeId}` : replacesId ? `/${replacesId}` : '';
  return `#/find/${patientId}/${providerId}${rest}`;
}

/** Find a slot for a referral: its patient, and the wanted type read from the referral. */
export function findReferralHref(patientId: string, referralId: string): string {
  return `#/find/${patientId}/referral/${referralId}`;
}
