import {
  reminderClaimRequestSchema,
  reminderSettleRequestSchema,
  type ReminderClaim,
  type ReminderClaimResponse,
  type ReminderSettleResponse,
} from '../../src-shared/sync/protocol';
import * as claims from '../db/reminder-claims';
import type { DeviceRow } from '../db/repository';
import { SyncError } from './errors';
import type { ServerContext } from './service';

/**
 * Reminder claims (issue 17): every desk plans the same reminders (same ids), and each is sent by the
 * one desk the server grants it to. A grant is a lease on the server's clock: a desk that died
 * mid-send loses it when it runs out and another desk takes the reminder over. A reminder settled as
 * sent or failed — by a claim's holder, or as the desks' synced outbox row says — is granted to nobody.
 */
export async function claimReminders(
  ctx: ServerContext,
  device: DeviceRow,
  body: unknown,
): Promise<ReminderClaimResponse> {
  const parsed = reminderClaimRequestSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('MALFORMED', parsed.error.issues[0]?.message ?? 'malformed claim');
  const ids = [...new Set(parsed.data.ids)];
  const now = ctx.now();
  const synced = await claims.syncedOutcomes(ctx.db, device.clinicId, ids);
  const answers = new Map<string, ReminderClaim>();
  for (const id of ids) {
    const row = synced.get(id);
    if (row && (row.status === 'sent' || row.status === 'failed')) {
      const at = typeof row.sentAt === 'number' ? row.sentAt : null;
      answers.set(id, { id, granted: false, outcome: row.status, at, by: null, until: null });
      continue;
    }
    const granted = await claims.tryClaim(ctx.db, device.clinicId, id, device.id, now, now + parsed.data.leaseMs);
    if (granted)
      answers.set(id, { id, granted, outcome: null, at: null, by: device.deskCode, until: now + parsed.data.leaseMs });
  }
  const refused = ids.filter((id) => !answers.has(id));
  for (const held of await claims.findClaims(ctx.db, device.clinicId, refused)) {
    answers.set(held.reminderId, {
      id: held.reminderId,
      granted: false,
      outcome: held.outcome,
      at: held.outcomeAt,
      by: held.deskCode,
      until: held.outcome === null ? held.untilMs : null,
    });
  }
  return {
    claims: ids.map(
      (id) => answers.get(id) ?? { id, granted: false, outcome: null, at: null, by: null, until: now + 1_000 },
    ),
    serverTime: now,
  };
}

/** The holder says what came of its claims; results for claims it does not hold change nothing. */
export async function settleReminders(
  ctx: ServerContext,
  device: DeviceRow,
  body: unknown,
): Promise<ReminderSettleResponse> {
  const parsed = reminderSettleRequestSchema.safeParse(body);
  if (!parsed.success) throw new SyncError('MALFORMED', parsed.error.issues[0]?.message ?? 'malformed settle');
  let settled = 0;
  for (const result of parsed.data.results) {
    const done =
      result.outcome === 'retry'
        ? await claims.holdClaimUntil(
            ctx.db,
            device.clinicId,
            result.id,
            device.id,
            ctx.now() + (result.retryInMs ?? 0),
          )
        : await claims.settleClaim(ctx.db, device.clinicId, result.id, device.id, result.outcome, result.at);
    if (done) settled += 1;
  }
  return { settled };
}
