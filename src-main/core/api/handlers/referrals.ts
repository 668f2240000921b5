import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { ReferralView } from '../../../../src-shared/referrals/model';
import {
  addReferrer,
  createReferral,
  getReferral,
  listReferrals,
  listReferrers,
  moveReferral,
  referralTargets,
  saveReferralTargets,
} from '../../referrals/service';
import type { HandlerContext, HandlersFor } from '../context';

type ReferralsProcedure = Extract<ProcedureName, `referrals.${string}`>;

/** Audits the change (naming the patient and booking it is about), tells every window after commit. */
function auditedReferral(ctx: HandlerContext, referral: ReferralView, details: Record<string, unknown>): ReferralView {
  ctx.audit.targetType = 'referral';
  ctx.audit.targetId = referral.id;
  ctx.audit.details = {
    ...details,
    direction: referral.direction,
    patientId: referral.patientId,
    appointmentId: referral.appointmentId,
  };
  ctx.broadcast('referrals.changed', { referralIds: [referral.id], patientIds: [referral.patientId] });
  return referral;
}

export const referralsHandlers: HandlersFor<ReferralsProcedure> = {
  'referrals.list': async (ctx, input) => {
    const referrals = await listReferrals(ctx.db, input, ctx.now);
    ctx.audit.targetType = input.patientId ? 'patient' : 'referrals';
    if (input.patientId) ctx.audit.targetId = input.patientId;
    ctx.audit.details = {
      direction: input.direction,
      status: input.status,
      referralIds: referrals.map((r) => r.id),
    };
    return referrals;
  },
  'referrals.get': async (ctx, input) => {
    const referral = await getReferral(ctx.db, input.referralId, ctx.now);
    ctx.audit.targetType = 'referral';
    ctx.audit.targetId = referral.id;
    ctx.audit.details = { patientId: referral.patientId };
    return referral;
  },
  'referrals.create': async (ctx, input) => {
    const id = await createReferral(ctx.db, input, ctx.actor, ctx.now);
    const referral = await getReferral(ctx.db, id, ctx.now);
    return auditedReferral(ctx, referral, {
      created: true,
      urgency: referral.urgency,
      referrerId: referral.referrerId,
      letterDocumentId: referral.letterDocumentId,
    });
  },
  'referrals.move': async (ctx, input) => {
    const referral = await moveReferral(ctx.db, input, ctx.actor, ctx.now);
    return auditedReferral(ctx, referral, { to: input.to, reason: input.reason });
  },
  'referrals.referrers': async (ctx) => listReferrers(ctx.db),
  'referrals.addReferrer': async (ctx, input) => {
    const referrer = await addReferrer(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'referrer';
    ctx.audit.targetId = referrer.id;
    ctx.audit.details = { name: referrer.name, organisation: referrer.organisation };
    return referrer;
  },
  'referrals.targets': async (ctx) => referralTargets(ctx.db),
  'referrals.saveTargets': async (ctx, input) => {
    const targets = await saveReferralTargets(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'referral_settings';
    ctx.audit.details = { ...targets };
    return targets;
  },
};
