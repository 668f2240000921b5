import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { FeedStatus } from '../../../../src-shared/api/areas/ical';
import { localDateOf } from '../../../../src-shared/scheduling/time';
import { importBusyTimes, readBusyImport } from '../../calendar-feeds/busy-import';
import { providerCalendar } from '../../calendar-feeds/feed-export';
import { liveFeedTokens, patientNamesInFeeds, setPatientNamesInFeeds } from '../../calendar-feeds/feed-repository';
import { issueFeedToken, revokeFeedToken } from '../../calendar-feeds/feed-tokens';
import type { ReadDb } from '../../db/handles';
import { clinicClock } from '../../scheduling/config';
import type { HandlersFor } from '../context';

type CalendarFeedsProcedure = Extract<ProcedureName, `ical.${string}`>;

async function status(db: ReadDb): Promise<FeedStatus> {
  return {
    patientNames: await patientNamesInFeeds(db),
    subscriptions: (await liveFeedTokens(db)).map((row) => ({ providerId: row.provider_id, since: row.created_at })),
  };
}

async function todayOf(db: ReadDb, now: number): Promise<string> {
  return localDateOf((await clinicClock(db)).timeZone, now);
}

/** The file name a browser saves the export as: the provider's name in letters and digits only. */
function fileNameOf(providerName: string): string {
  const slug = providerName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'provider'}-appointments.ics`;
}

export const calendarFeedsHandlers: HandlersFor<CalendarFeedsProcedure> = {
  'ical.status': (ctx) => status(ctx.db),
  'ical.setPatientNames': async (ctx, input) => {
    await setPatientNamesInFeeds(ctx.db, input.allow, ctx.now);
    ctx.audit.targetType = 'settings';
    ctx.audit.details = { calendarFeedPatientNames: input.allow };
    return status(ctx.db);
  },
  'ical.export': async (ctx, input) => {
    const calendar = await providerCalendar(ctx.db, input.providerId, ctx.now);
    ctx.audit.targetType = 'provider';
    ctx.audit.targetId = input.providerId;
    ctx.audit.details = { calendarExport: true, events: calendar.events };
    return { fileName: fileNameOf(calendar.providerName), content: calendar.ics, events: calendar.events };
  },
  'ical.issue': async (ctx, input) => {
    const issued = await issueFeedToken(ctx.db, input.providerId, ctx.actor.userId, ctx.now);
    ctx.audit.targetType = 'provider';
    ctx.audit.targetId = input.providerId;
    // The token itself never reaches the audit log.
    ctx.audit.details = { calendarFeed: 'issued', replaced: issued.replaced };
    const origin = ctx.state.calendarFeedOrigin;
    return { path: issued.path, url: origin === null ? null : `${origin}${issued.path}`, replaced: issued.replaced };
  },
  'ical.revoke': async (ctx, input) => {
    const revoked = await revokeFeedToken(ctx.db, input.providerId, ctx.now);
    ctx.audit.targetType = 'provider';
    ctx.audit.targetId = input.providerId;
    ctx.audit.details = { calendarFeed: 'revoked', revoked };
    return { revoked };
  },
  'ical.previewImport': async (ctx, input) => {
    return (await readBusyImport(ctx.db, input, await todayOf(ctx.db, ctx.now))).result;
  },
  'ical.import': async (ctx, input) => {
    const { exceptionIds, ...result } = await importBusyTimes(ctx.db, input, await todayOf(ctx.db, ctx.now), ctx.now);
    ctx.audit.targetType = 'provider';
    ctx.audit.targetId = input.providerId;
    ctx.audit.details = { busyImport: true, added: result.added, alreadyThere: result.alreadyThere, exceptionIds };
    if (exceptionIds.length > 0) ctx.broadcast('schedule.changed', { kind: 'exception', ids: exceptionIds });
    return result;
  },
};
