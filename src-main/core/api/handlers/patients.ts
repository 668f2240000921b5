import { findDuplicates } from '../../patients/duplicate-check';
import { findDuplicatePairs, markNotDuplicate } from '../../patients/duplicate-finder';
import { listMerges, mergePatients, unmergePatients } from '../../patients/merge';
import { searchPatients } from '../../patients/search-repository';
import {
  addAlert,
  addAllergy,
  removeAllergy,
  addInsurance,
  createPatient,
  existingPatient,
  patientContext,
  requireRecord,
  today,
  updatePatient,
} from '../../patients/service';
import type { ProcedureName } from '../../../../src-shared/api/contract';
import { saveContacts } from '../../patients/contacts';
import { patientHistory } from '../../patients/history';
import { getPhoto, removePhoto, setPhoto } from '../../patients/photo';
import type { HandlersFor } from '../context';
import { auditPatient } from './patient-audit';

export const patientsHandlers: HandlersFor<Extract<ProcedureName, `patients.${string}`>> = {
  'patients.search': async (ctx, input) => {
    const context = await patientContext(ctx.db);
    return searchPatients(ctx.db, input.query, input.limit, {
      dateFormat: context.dateFormat,
      today: today(context, ctx.now),
      now: ctx.now,
      timeZone: context.timeZone,
      mrnPrefix: context.mrnPrefix,
      mrnDigits: context.mrnDigits,
    });
  },

  /** An audited read: the router writes who opened which chart in the same transaction. */
  'patients.get': async (ctx, input) => {
    const context = await patientContext(ctx.db);
    const record = await requireRecord(ctx.db, input.patientId, today(context, ctx.now));
    auditPatient(ctx, record.id);
    return record;
  },

  'patients.create': async (ctx, input) => {
    const record = await createPatient(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, record.id, {
      mrn: record.mrn,
      ...(input.notDuplicateOf.length > 0 && { confirmedNotDuplicateOf: input.notDuplicateOf }),
    });
    return record;
  },

  'patients.update': async (ctx, input) => {
    const { record, changed } = await updatePatient(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, record.id, {
      changed,
      ...(input.notDuplicateOf.length > 0 && { confirmedNotDuplicateOf: input.notDuplicateOf }),
    });
    return record;
  },

  'patients.findDuplicates': async (ctx, input) => {
    const context = await patientContext(ctx.db);
    return findDuplicates(ctx.db, context, today(context, ctx.now), input);
  },

  'patients.addAllergy': async (ctx, input) => {
    const { record, id } = await addAllergy(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, record.id, { allergyId: id });
    return record;
  },

  'patients.removeAllergy': async (ctx, input) => {
    const { record } = await removeAllergy(ctx.db, input, ctx.now);
    auditPatient(ctx, record.id, { allergyId: input.allergyId, reason: input.reason });
    return record;
  },

  'patients.addAlert': async (ctx, input) => {
    const { record, id } = await addAlert(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, record.id, { alertId: id });
    return record;
  },

  'patients.addInsurance': async (ctx, input) => {
    const { record, id } = await addInsurance(ctx.db, input, ctx.now);
    auditPatient(ctx, record.id, { insuranceId: id, priority: input.priority });
    return record;
  },

  'patients.merge': async (ctx, input) => {
    const { record, mergeId, moved } = await mergePatients(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, record.id, { mergeId, mergedId: input.mergedId, fields: input.fields, moved });
    return record;
  },

  'patients.unmerge': async (ctx, input) => {
    const { survivor, restored, merge } = await unmergePatients(ctx.db, input.mergeId, ctx.actor.userId, ctx.now);
    auditPatient(ctx, merge.survivorId, { mergeId: input.mergeId, restoredId: merge.mergedId });
    return { survivor, restored };
  },

  'patients.merges': async (ctx, input) => {
    auditPatient(ctx, input.patientId);
    return listMerges(ctx.db, input.patientId);
  },

  'patients.duplicatePairs': async (ctx, input) => {
    const context = await patientContext(ctx.db);
    return findDuplicatePairs(ctx.db, { ...input, dateFormat: context.dateFormat, today: today(context, ctx.now) });
  },

  'patients.markNotDuplicate': async (ctx, input) => {
    const pair = await markNotDuplicate(ctx.db, input, ctx.actor.userId, ctx.now);
    auditPatient(ctx, pair.a, { notDuplicateOf: pair.b });
    return pair;
  },

  'patients.saveContacts': async (ctx, input) => {
    const { record, before, after } = await saveContacts(ctx.db, input, ctx.now);
    // Counts only: the audit log holds who changed the contacts, the record holds what they are.
    auditPatient(ctx, record.id, { contactsBefore: before, contactsAfter: after });
    return record;
  },

  'patients.history': async (ctx, input) => {
    await existingPatient(ctx.db, input.patientId);
    auditPatient(ctx, input.patientId);
    return patientHistory(ctx.db, input);
  },

  'patients.setPhoto': async (ctx, input) => {
    const photo = await setPhoto(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    auditPatient(ctx, input.patientId, { documentId: photo.documentId, mimeType: photo.mimeType });
    return photo;
  },

  'patients.removePhoto': async (ctx, input) => {
    const removed = await removePhoto(ctx.db, input.patientId, ctx.now);
    auditPatient(ctx, input.patientId, { removed });
    return null;
  },

  'patients.photo': async (ctx, input) => {
    auditPatient(ctx, input.patientId);
    return getPhoto(ctx.db, input.patientId);
  },
};
