import { ApiError } from '../../../../src-shared/api/errors';
import { requireSetUp } from '../../settings/repository';
import { callList, dueEntry, dueList } from '../../reminders/lists';
import { readClinicFacts, type ClinicFacts } from '../../reminders/message';
import { countDueReminders, requeueReminder } from '../../reminders/outbox-repository';
import { planReminders } from '../../reminders/planner';
import { publicSettings, readReminderConfig, updateReminderConfig } from '../../reminders/settings';
import type { HandlersFor } from '../context';
import type { ReadDb } from '../../db/handles';

type Names =
  | 'reminders.getSettings'
  | 'reminders.updateSettings'
  | 'reminders.due'
  | 'reminders.callList'
  | 'reminders.callListCount'
  | 'reminders.retry'
  | 'reminders.sendNow';

export const remindersHandlers: HandlersFor<Names> = {
  'reminders.getSettings': async (ctx) => publicSettings(await readReminderConfig(ctx.db)),

  'reminders.updateSettings': async (ctx, input) => {
    await updateReminderConfig(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'reminder_settings';
    // Names only: the audit log never holds the password or the webhook's secret.
    ctx.audit.details = { changed: Object.keys(input) };
    return publicSettings(await readReminderConfig(ctx.db));
  },

  'reminders.due': async (ctx, input) => {
    ctx.audit.targetType = 'reminder_outbox';
    ctx.audit.details = { status: input.status };
    return dueList(ctx.db, ctx.now, input.status);
  },

  'reminders.callListCount': async (ctx) => {
    const clinic = await clinicFacts(ctx.db);
    return { count: (await callList(ctx.db, await readReminderConfig(ctx.db), clinic, ctx.now)).length };
  },

  'reminders.callList': async (ctx) => {
    const clinic = await clinicFacts(ctx.db);
    ctx.audit.targetType = 'reminder_outbox';
    return callList(ctx.db, await readReminderConfig(ctx.db), clinic, ctx.now);
  },

  'reminders.retry': async (ctx, input) => {
    const entry = await dueEntry(ctx.db, input.id);
    if (!entry) throw new ApiError('NOT_FOUND', 'There is no such reminder.');
    if (entry.status !== 'failed')
      throw new ApiError('CONFLICT', `Only a failed reminder can be retried; this one is ${entry.status}.`);
    await requeueReminder(ctx.db, input.id, ctx.now);
    ctx.audit.targetType = 'reminder_outbox';
    ctx.audit.targetId = input.id;
    ctx.state.reminders.request();
    const after = await dueEntry(ctx.db, input.id);
    if (!after) throw new ApiError('NOT_FOUND', 'There is no such reminder.');
    return after;
  },

  'reminders.sendNow': async (ctx) => {
    // Plan here so the answer can say how many are due; the sending itself runs after this
    // transaction commits (the runner waits for the connection), never inside it.
    const config = await readReminderConfig(ctx.db);
    await planReminders(ctx.db, config, await clinicFacts(ctx.db), ctx.now);
    const due = await countDueReminders(ctx.db, ctx.now);
    ctx.audit.targetType = 'reminder_outbox';
    ctx.audit.details = { due };
    ctx.state.reminders.request();
    return { due, channelsOn: config.emailEnabled || config.smsEnabled };
  },
};

/** The clinic's zone and date format, which planning and the call list need to know what day it is. */
async function clinicFacts(db: ReadDb): Promise<ClinicFacts> {
  return requireSetUp(await readClinicFacts(db));
}
