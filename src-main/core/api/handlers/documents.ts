import type { ProcedureName } from '../../../../src-shared/api/contract';
import { addDocument, getDocument, listDocuments, removeDocument } from '../../patients/documents';
import type { HandlersFor } from '../context';
import { auditPatient } from './patient-audit';

export const documentsHandlers: HandlersFor<Extract<ProcedureName, `documents.${string}`>> = {
  'documents.add': async (ctx, input) => {
    const document = await addDocument(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    auditPatient(ctx, input.patientId, {
      documentId: document.id,
      kind: document.kind,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
    });
    return document;
  },
  'documents.list': async (ctx, input) => {
    auditPatient(ctx, input.patientId);
    return listDocuments(ctx.db, input.patientId);
  },
  'documents.get': async (ctx, input) => {
    const document = await getDocument(ctx.db, input.documentId);
    auditPatient(ctx, document.patientId, { documentId: document.id });
    return document;
  },
  'documents.remove': async (ctx, input) => {
    const patientId = await removeDocument(ctx.db, input.documentId, ctx.now);
    auditPatient(ctx, patientId, { documentId: input.documentId });
    return null;
  },
};
