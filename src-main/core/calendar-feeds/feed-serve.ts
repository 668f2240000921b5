import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/repository';
import type { Database } from '../db/schema';
import { providerCalendar } from './feed-export';
import { providerOfToken } from './feed-tokens';

/**
 * A subscription's calendar for the web host: null for an unknown or revoked token. No one is signed in
 * (a calendar app fetches it), so the token is the only key; each fetch is audited under the provider.
 */
export async function calendarOfFeedToken(db: Kysely<Database>, token: string, now: number): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const providerId = await providerOfToken(trx, token);
    if (!providerId) return null;
    const calendar = await providerCalendar(trx, providerId, now);
    await appendAudit(trx, {
      at: now,
      actorUserId: null,
      actorUsername: 'calendar-feed',
      action: 'ical.feed',
      targetType: 'provider',
      targetId: providerId,
      outcome: 'ok',
      details: { events: calendar.events },
    });
    return calendar.ics;
  });
}
