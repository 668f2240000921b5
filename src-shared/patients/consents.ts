export const CONSENT_KINDS = ['treatment', 'privacy', 'sms_reminders', 'email_reminders', 'research', 'other'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface Consent {
  id: string;
  patientId: string;
  kind: ConsentKind;
  givenOn: string;
  expiresOn: string | null;
  recordedBy: string | null;
  documentId: string | null;
  notes: string | null;
  revokedAt: number | null;
  createdAt: number;
}

/** A recorded consent holds on `today` when it was given by then, has not run out (its expiry is its last day) and was not revoked. */
export function consentInForce(
  consent: { givenOn: string; expiresOn: string | null; revokedAt: number | null },
  today: string,
): boolean {
  return (
    consent.revokedAt === null && consent.givenOn <= today && (consent.expiresOn === null || consent.expiresOn >= today)
  );
}
