import type { EventMap } from '../../../../src-shared/api/events';
import type { BillingActor, BillingContext } from '../../billing/context';
import type { PrintContext } from '../../billing/pdf/documents';
import type { HandlerContext } from '../context';

/** What the billing handlers share: who acts, the event every money write sends, the PDFs' letterhead. */

export function billingActor(ctx: HandlerContext): BillingActor {
  return { userId: ctx.actor.userId, name: ctx.actor.displayName };
}

/** Notes the audit target and queues `billing.changed` (delivered after commit; ids only). */
export function billingChanged(
  ctx: HandlerContext,
  kind: EventMap['billing.changed']['kind'],
  target: { type: string; id: string; patientId?: string | null },
  details: Record<string, unknown> = {},
): void {
  ctx.audit.targetType = target.type;
  ctx.audit.targetId = target.id;
  ctx.audit.details = { ...details, ...(target.patientId ? { patientId: target.patientId } : {}) };
  ctx.broadcast('billing.changed', {
    kind,
    patientIds: target.patientId ? [target.patientId] : [],
    ids: [target.id],
  });
}

/** An audited view of a patient's account or document. */
export function viewed(ctx: HandlerContext, type: string, id: string, patientId: string | null): void {
  ctx.audit.targetType = type;
  ctx.audit.targetId = id;
  if (patientId) ctx.audit.details = { patientId };
}

export function printContext(context: BillingContext): PrintContext {
  return {
    clinicName: context.clinicName,
    clinicAddress: context.settings.clinic_address,
    taxNumber: context.settings.tax_number,
    money: context.money,
    dateFormat: context.dateFormat,
    timeFormat: context.timeFormat,
    timeZone: context.timeZone,
  };
}
