import { findDuplicates } from '../../patients/duplicate-check';
import { findDuplicatePairs, markNotDuplicate } from '../../patients/duplicate-finder';
import { listMerges, mergePatients, unmergePatients } from '../../patients/merge';
import { searchPatients } from '../../patients/search';
import {
  addAlert,
  addAllergy,
  removeAllergy,
  addInsurance,
  createPatient,
  patientContext,
  requireRecord,
  today,
  updatePatient,
} from '../../patients/service';
import type { HandlerContext, HandlersFor } from '../context';

function target(ctx: HandlerContext, patientId: string, details?: Record<string, unknown>): void {
  ctx.audit.targetType = 'patient';
  ctx.audit.targetId = patientId;
  if (details) ctx.audit.details = details;
}

export const patientsHandlers: HandlersFor<
  | 'patients.search'
  | 'patients.get'
  | 'patients.create'
  | 'patients.update'
  | 'patients.findDuplicates'
  | 'patients.addAllergy'
  | 'patients.removeAllergy'
  | 'patients.addAlert'
  | 'patients.addInsurance'
  | 'patients.merge'
  | 'patients.unmerge'
  | 'patients.merges'
  | 'patients.duplicatePairs'
  | 'patients.markNotDuplicate'
> = {
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
    target(ctx, record.id);
    return record;
  },

  'patients.create': async (ctx, input) => {
    const record = await createPatient(ctx.db, input, ctx.actor.userId, ctx.now);
    target(ctx, record.id, {
      mrn: record.mrn,
      ...(input.notDuplicateOf.length > 0 && { confirmedNotDuplicateOf: input.notDuplicateOf }),
    });
    return record;
  },

  'patients.update': async (ctx, input) => {
    const { record, changed } = await updatePatient(ctx.db, input, ctx.actor.userId, ctx.now);
    target(ctx, record.id, {
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
    target(ctx, record.id, { allergyId: id });
    return record;
  },

  'patients.removeAllergy': async (ctx, input) => {
    const { record } = await removeAllergy(ctx.db, input, ctx.now);
    target(ctx, record.id, { allergyId: input.allergyId, reason: input.reason });
    return record;
  },

  'patients.addAlert': async (ctx, input) => {
    const { record, id } = await addAlert(ctx.db, input, ctx.actor.userId, ctx.now);
    target(ctx, record.id, { alertId: id });
    return record;
  },

  'patients.addInsurance': async (ctx, input) => {
    const { record, id } = await addInsurance(ctx.db, input, ctx.now);
    target(ctx, record.id, { insuranceId: id, priority: input.priority });
    return record;
  },

  'patients.merge': async (ctx, input) => {
    const { record, mergeId, moved } = await mergePatients(ctx.db, input, ctx.actor.userId, ctx.now);
    target(ctx, record.id, { mergeId, mergedId: input.mergedId, fields: input.fields, moved });
    return record;
  },

  'patients.unmerge': async (ctx, input) => {
    const { survivor, restored, merge } = await unmergePatients(ctx.db, input.mergeId, ctx.actor.userId, ctx.now);
    target(ctx, merge.survivorId, { mergeId: input.mergeId, restoredId: merge.mergedId });
    return { survivor, restored };
  },

  'patients.merges': async (ctx, input) => {
    target(ctx, input.patientId);
    return listMerges(ctx.db, input.patientId);
  },

  'patients.duplicatePairs': async (ctx, input) => {
    const context = await patientContext(ctx.db);
    return findDuplicatePairs(ctx.db, { ...input, dateFormat: context.dateFormat, today: today(context, ctx.now) });
  },

  'patients.markNotDuplicate': async (ctx, input) => {
    const pair = await markNotDuplicate(ctx.db, input, ctx.actor.userId, ctx.now);
    target(ctx, pair.a, { notDuplicateOf: pair.b });
    return pair;
  },
};
