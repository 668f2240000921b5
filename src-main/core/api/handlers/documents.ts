import { addDocument, getDocument, listDocuments, removeDocument } from '../../patients/documents';
import { listConsents, recordConsent, revokeConsent } from '../../patients/consents';
import type { ConsentKind } from '../../../../src-shared/patients/consents';
import { isReminderConsent, skipWithoutConsent } from '../../reminders/consent';
import { readClinicFacts } from '../../reminders/message';
import { readReminderConfig } from '../../reminders/settings';
import type { HandlerContext, HandlersFor } from '../context';

function onPatient(ctx: HandlerContext, patientId: string, details?: Record<string, unknown>): void {
  ctx.audit.targetType = 'patient';
  ctx.audit.targetId = patientId;
  if (details) ctx.audit.details = details;
}

/**
 * A reminder consent recorded or revoked changes who is on the call list: the reminders screens
 * reload. A revocation also ends the patient's waiting reminders on that channel at once; a new
 * consent is planned for by the next sweep (sending re-checks the consent either way).
 */
function onReminderConsent(ctx: HandlerContext, kind: ConsentKind): void {
  if (isReminderConsent(kind)) ctx.broadcast('reminders.changed', { sent: 0, failed: 0 });
}

export const documentsHandlers: HandlersFor<
  | 'documents.add'
  | 'documents.list'
  | 'documents.get'
  | 'documents.remove'
  | 'consents.record'
  | 'consents.list'
  | 'consents.revoke'
> = {
  'documents.add': async (ctx, input) => {
    const document = await addDocument(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    onPatient(ctx, input.patientId, {
      documentId: document.id,
      kind: document.kind,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
    });
    return document;
  },
  'documents.list': async (ctx, input) => {
    onPatient(ctx, input.patientId);
    return listDocuments(ctx.db, input.patientId);
  },
  'documents.get': async (ctx, input) => {
    const document = await getDocument(ctx.db, input.documentId);
    onPatient(ctx, document.patientId, { documentId: document.id });
    return document;
  },
  'documents.remove': async (ctx, input) => {
    const patientId = await removeDocument(ctx.db, input.documentId, ctx.now);
    onPatient(ctx, patientId, { documentId: input.documentId });
    return null;
  },
  'consents.record': async (ctx, input) => {
    const consent = await recordConsent(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    onPatient(ctx, input.patientId, { consentId: consent.id, kind: consent.kind });
    onReminderConsent(ctx, consent.kind);
    return consent;
  },
  'consents.list': (ctx, input) => listConsents(ctx.db, input.patientId),
  'consents.revoke': async (ctx, input) => {
    const consent = await revokeConsent(ctx.db, input.consentId, ctx.session?.userId ?? null, ctx.now);
    const clinic = isReminderConsent(consent.kind) ? await readClinicFacts(ctx.db) : undefined;
    const skipped = clinic
      ? await skipWithoutConsent(ctx.db, consent.patientId, await readReminderConfig(ctx.db), clinic, ctx.now)
      : 0;
    onPatient(ctx, consent.patientId, { consentId: consent.id, ...(skipped > 0 && { remindersSkipped: skipped }) });
    onReminderConsent(ctx, consent.kind);
    return consent;
  },
};
