import type { ProcedureName } from '../../../../src-shared/api/contract';
import { recordVitals, vitalsHistory } from '../../visits/vitals';
import type { HandlersFor } from '../context';
import { auditPatient } from './patient-audit';

export const vitalsHandlers: HandlersFor<Extract<ProcedureName, `vitals.${string}`>> = {
  'vitals.record': async (ctx, input) => {
    const record = await recordVitals(ctx.db, input, ctx.actor, ctx.now);
    auditPatient(ctx, record.patientId, {
      vitalsId: record.id,
      visitId: record.visitId,
      confirmedImplausible: record.confirmedImplausible,
    });
    return record;
  },
  'vitals.history': async (ctx, input) => {
    auditPatient(ctx, input.patientId);
    return vitalsHistory(ctx.db, input.patientId, input.limit);
  },
};
