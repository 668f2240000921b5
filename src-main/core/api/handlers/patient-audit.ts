import type { HandlerContext } from '../context';

/** Audits the call as about a patient (a read of the record is audited too), with what it did when given. */
export function auditPatient(ctx: HandlerContext, patientId: string, details?: Record<string, unknown>): void {
  ctx.audit.targetType = 'patient';
  ctx.audit.targetId = patientId;
  if (details) ctx.audit.details = details;
}
