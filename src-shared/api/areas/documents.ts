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
import { boundedString, id, requiredText } from '../../validation';

/** A document's bytes as base64: 5 MiB of file is at most this many characters. */
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;

/** documents.*: files kept with a patient's record. */
export const documentsProcedures = {
  'documents.add': procedure<DocumentSummary>()({
    input: z.object({
      patientId,
      kind: z.enum(DOCUMENT_KINDS, { error: `must be one of ${DOCUMENT_KINDS.join(', ')}` }),
      title: requiredText(120),
      fileName: requiredText(200),
      mimeType: z.enum(DOCUMENT_TYPES, { error: 'must be a PDF, PNG or JPEG file' }),
      contentBase64: boundedString(MAX_DOCUMENT_BASE64, 'must be at most 5 MiB').regex(
        z.regexes.base64,
        'must be the file encoded as base64',
      ),
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
    input: z.object({ documentId: id('a document') }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'documents.remove': procedure<null>()({
    input: z.object({ documentId: id('a document') }),
    access: 'patients:write',
    kind: 'write',
  }),
};
