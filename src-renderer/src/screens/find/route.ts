const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What `#/find/<patientId>[/<providerId>]` asks for: the patient (and provider) chosen ahead, as a follow-up does. */
export interface FindRoute {
  patientId: string | null;
  providerId: string | null;
}

export function parseFindRoute(detail: string): FindRoute {
  const [patient = '', provider = ''] = detail.split('/');
  return { patientId: UUID.test(patient) ? patient : null, providerId: UUID.test(patient) && UUID.test(provider) ? provider : null };
}

export function findHref(patientId: string, providerId?: string | null): string {
  return `#/find/${patientId}${providerId ? `/${providerId}` : ''}`;
}
