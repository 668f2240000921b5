import { saveContacts } from '../../patients/contacts';
import { patientHistory } from '../../patients/history';
import { getPhoto, removePhoto, setPhoto } from '../../patients/photo';
import { existingPatient } from '../../patients/service';
import type { HandlerContext, HandlersFor } from '../context';

function onPatient(ctx: HandlerContext, patientId: string, details?: Record<string, unknown>): void {
  ctx.audit.targetType = 'patient';
  ctx.audit.targetId = patientId;
  if (details) ctx.audit.details = details;
}

export const patientRecordHandlers: HandlersFor<
  'patients.saveContacts' | 'patients.history' | 'patients.setPhoto' | 'patients.removePhoto' | 'patients.photo'
> = {
  'patients.saveContacts': async (ctx, input) => {
    const { record, before, after } = await saveContacts(ctx.db, input, ctx.now);
    // Counts only: the audit log holds who changed the contacts, the record holds what they are.
    onPatient(ctx, record.id, { contactsBefore: before, contactsAfter: after });
    return record;
  },

  'patients.history': async (ctx, input) => {
    await existingPatient(ctx.db, input.patientId);
    onPatient(ctx, input.patientId);
    return patientHistory(ctx.db, input);
  },

  'patients.setPhoto': async (ctx, input) => {
    const photo = await setPhoto(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    onPatient(ctx, input.patientId, { documentId: photo.documentId, mimeType: photo.mimeType });
    return photo;
  },

  'patients.removePhoto': async (ctx, input) => {
    const removed = await removePhoto(ctx.db, input.patientId, ctx.now);
    onPatient(ctx, input.patientId, { removed });
    return null;
  },

  'patients.photo': async (ctx, input) => {
    onPatient(ctx, input.patientId);
    return getPhoto(ctx.db, input.patientId);
  },
};
