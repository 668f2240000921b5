const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What `#/find/<patientId>[/<providerId>[/<appointmentId>]]` asks for: the patient (and provider)
 * chosen ahead, as a follow-up does; and the missed appointment a booking replaces ("Book again").
 */
export interface FindRoute {
  patientId: string | null;
  providerId: string | null;
  replacesId: string | null;
}

export function parseFindRoute(detail: string): FindRoute {
  const [patient = '', provider = '', replaces = ''] = detail.split('/');
  const patientId = UUID.test(patient) ? patient : null;
  const providerId = patientId && UUID.test(provider) ? provider : null;
  return { patientId, providerId, replacesId: providerId && UUID.test(replaces) ? replaces : null };
}

export function findHref(patientId: string, providerId?: string | null, replacesId?: string | null): string {
  return `#/find/${patientId}${providerId ? `/${providerId}${replacesId ? `/${replacesId}` : ''}` : ''}`;
}
