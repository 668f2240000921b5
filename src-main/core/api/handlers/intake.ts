import { addAllergy, removeAllergy } from '../../patients/service';
import { requireOwnVisit } from '../../visits/vitals';
import type { HandlersFor } from '../context';
import { auditPatient } from './patient-audit';

/** The intake's allergy review: the same changes as the patient's page, only for the patient of the visit on screen. */
export const intakeHandlers: HandlersFor<'intake.addAllergy' | 'intake.removeAllergy'> = {
  'intake.addAllergy': async (ctx, { visitId, ...allergy }) => {
    await requireOwnVisit(ctx.db, visitId, allergy.patientId);
    const { record, id } = await addAllergy(ctx.db, allergy, ctx.session?.userId ?? null, ctx.now);
    auditPatient(ctx, record.id, { allergyId: id, visitId });
    return record;
  },
  'intake.removeAllergy': async (ctx, { visitId, ...removal }) => {
    await requireOwnVisit(ctx.db, visitId, removal.patientId);
    const { record } = await removeAllergy(ctx.db, removal, ctx.now);
    auditPatient(ctx, record.id, { allergyId: removal.allergyId, reason: removal.reason, visitId });
    return record;
  },
};
