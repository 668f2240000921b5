import { z } from 'zod';
import { procedure } from '../procedure';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  type DocumentContent,
  type DocumentSummary,
} from '../../patients/documents';
import { patientId } from '../../patients/fields';

/** documents.*: files kept with a patient's record. */
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
};
