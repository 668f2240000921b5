/** A recorded consent holds on `today` when it was given by then, has not run out (its expiry is its last day) and was not revoked. */
export function consentInForce(
  consent: { givenOn: string; expiresOn: string | null; revokedAt: number | null },
  today: string,
): boolean {
  return (
    consent.revokedAt === null && consent.givenOn <= today && (consent.expiresOn === null || consent.expiresOn >= today)
  );
}
