import { z } from 'zod';
import { procedure } from '../procedure';
import { CONSENT_KINDS, type Consent } from '../../patients/consents';
import { patientId } from '../../patients/fields';
import { isIsoDate } from '../../patients/dates';
import { dateText, id, optionalId } from '../../validation';

/** consents.*: what a patient agreed to (treatment, privacy, reminders by SMS or email ...), when, and until when. */
const date = dateText(isIsoDate);

export const consentsProcedures = {
  'consents.record': procedure<Consent>()({
    input: z
      .object({
        patientId,
        kind: z.enum(CONSENT_KINDS, { error: `must be one of ${CONSENT_KINDS.join(', ')}` }),
        givenOn: date,
        expiresOn: date.nullish().transform((value) => value ?? null),
        documentId: optionalId('a document'),
        notes: z
          .string()
          .trim()
          .max(500, 'must be at most 500 characters')
          .nullish()
          .transform((value) => value || null),
      })
      .refine((c) => !c.expiresOn || c.expiresOn >= c.givenOn, {
        path: ['expiresOn'],
        message: 'must not be before the date it was given',
      }),
    access: 'patients:write',
    kind: 'write',
  }),
  'consents.list': procedure<Consent[]>()({ input: z.object({ patientId }), access: 'patients:read', kind: 'read' }),
  'consents.revoke': procedure<Consent>()({
    input: z.object({ consentId: id('a consent') }),
    access: 'patients:write',
    kind: 'write',
  }),
};
