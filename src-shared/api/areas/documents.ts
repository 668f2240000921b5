import { z } from 'zod';
import { isIsoDate } from '../../patients/dates';
import { procedure } from '../procedure';

export const DOCUMENT_KINDS = ['id_card', 'insurance_card', 'referral', 'consent', 'photo', 'other'] as const;
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const CONSENT_KINDS = ['treatment', 'privacy', 'sms_reminders', 'email_reminders', 'research', 'other'] as const;
/** A scanned letter or card fits easily; a whole chart export does not belong here. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface DocumentSummary {
  id: string;
  patientId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  mimeType: DocumentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: number;
}

export interface DocumentContent extends DocumentSummary {
  contentBase64: string;
}

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

const patientId = z.uuid('must be a patient id');
const date = z.string().trim().refine(isIsoDate, 'must be a real date written as YYYY-MM-DD');

export const documentsProcedures = {
  'documents.add': procedure<DocumentSummary>()({
    input: z.object({
      patientId,
      kind: z.enum(DOCUMENT_KINDS, { error: `must be one of ${DOCUMENT_KINDS.join(', ')}` }),
      title: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
      fileName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
      mimeType: z.enum(DOCUMENT_TYPES, { error: 'must be a PDF, PNG or JPEG file' }),
      contentBase64: z
        .base64('must be the file encoded as base64')
        .max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, 'must be at most 5 MiB'),
    }),
    access: 'patients:write',
    kind: 'write',
  }),
  'documents.list': procedure<DocumentSummary[]>()({
    input: z.object({ patientId }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'documents.get': procedure<DocumentContent>()({
    input: z.object({ documentId: z.uuid('must be a document id') }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'documents.remove': procedure<null>()({
    input: z.object({ documentId: z.uuid('must be a document id') }),
    access: 'patients:write',
    kind: 'write',
  }),
  'consents.record': procedure<Consent>()({
    input: z
      .object({
        patientId,
        kind: z.enum(CONSENT_KINDS, { error: `must be one of ${CONSENT_KINDS.join(', ')}` }),
        givenOn: date,
        expiresOn: date.nullish().transform((value) => value ?? null),
        documentId: z
          .uuid('must be a document id')
          .nullish()
          .transform((value) => value ?? null),
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
    input: z.object({ consentId: z.uuid('must be a consent id') }),
    access: 'patients:write',
    kind: 'write',
  }),
};
