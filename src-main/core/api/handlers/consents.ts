import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { ConsentKind } from '../../../../src-shared/patients/consents';
import { listConsents, recordConsent, revokeConsent } from '../../patients/consents';
import { isReminderConsent, skipWithoutConsent } from '../../reminders/consent';
import { readClinicFacts } from '../../reminders/message';
import { readReminderConfig } from '../../reminders/settings';
import type { HandlerContext, HandlersFor } from '../context';
import { auditPatient } from './patient-audit';

/**
 * A reminder consent recorded or revoked changes who is on the call list: the reminders screens
 * reload. A revocation also ends the patient's waiting reminders on that channel at once; a new
 * consent is planned for by the next sweep (sending re-checks the consent either way).
 */
function onReminderConsent(ctx: HandlerContext, kind: ConsentKind): void {
  if (isReminderConsent(kind)) ctx.broadcast('reminders.changed', { sent: 0, failed: 0 });
}

export const consentsHandlers: HandlersFor<Extract<ProcedureName, `consents.${string}`>> = {
  'consents.record': async (ctx, input) => {
    const consent = await recordConsent(ctx.db, input, ctx.session?.userId ?? null, ctx.now);
    auditPatient(ctx, input.patientId, { consentId: consent.id, kind: consent.kind });
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
    auditPatient(ctx, consent.patientId, { consentId: consent.id, ...(skipped > 0 && { remindersSkipped: skipped }) });
    onReminderConsent(ctx, consent.kind);
    return consent;
  },
};
