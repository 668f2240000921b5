import { ApiError } from '../../../../src-shared/api/errors';
import type { SystemStatus } from '../../../../src-shared/api/areas/system';
import { defaultsForCountry } from '../../../../src-shared/locale/country-defaults';
import { createSettings, readSettings, updateSettings, type ClinicLocale } from '../../settings/repository';
import { countUsers } from '../../users/repository';
import { isDemo } from '../../demo/mark-repository';
import { createUser } from '../../users/service';
import type { HandlerContext, HandlersFor } from '../context';

export const APP_VERSION = '0.1.0';

async function status(ctx: HandlerContext): Promise<SystemStatus> {
  const [settings, users, demo] = await Promise.all([readSettings(ctx.db), countUsers(ctx.db), isDemo(ctx.db)]);
  return {
    setupRequired: users === 0,
    clinicName: settings?.clinicName ?? null,
    version: APP_VERSION,
    recoveryRequired: null,
    demo,
    demoBuild: ctx.state.demo.build,
  };
}

/** The formats set-up was sent, the rest from the country's habit (none without a country). */
function localeFrom(input: Partial<ClinicLocale>): Partial<ClinicLocale> {
  if (!input.country) return input;
  const habit = defaultsForCountry(input.country);
  return {
    country: input.country,
    dateFormat: input.dateFormat ?? habit.dateFormat,
    timeFormat: input.timeFormat ?? habit.timeFormat,
    weekStart: input.weekStart ?? habit.weekStart,
    phoneRegion: input.phoneRegion ?? input.country,
  };
}

export const systemHandlers: HandlersFor<'system.status' | 'system.setup' | 'system.recover' | 'system.startDemo'> = {
  'system.status': status,

  'system.recover': () =>
    Promise.reject(new ApiError('CONFLICT', 'Front Desk is open already; there is nothing to recover.')),

  'system.startDemo': async (ctx, input) => {
    if ((await countUsers(ctx.db)) > 0) {
      throw new ApiError('CONFLICT', 'This clinic is already set up: a demo is made only in a new, empty clinic.');
    }
    ctx.audit.targetType = 'clinic';
    ctx.audit.details = { timeZone: input.timeZone };
    // After the commit: the demo is made through the router, which this transaction holds until then.
    ctx.afterCommit(() => ctx.state.demo.start(input.timeZone));
    return { ...(await status(ctx)), demoBuild: { state: 'running', message: null } };
  },

  'system.setup': async (ctx, input) => {
    if ((await countUsers(ctx.db)) > 0) {
      throw new ApiError('CONFLICT', 'Front Desk is already set up. Sign in as an administrator to change settings.');
    }
    const settings = { ...input, ...localeFrom(input) };
    if (await readSettings(ctx.db)) await updateSettings(ctx.db, settings, ctx.now);
    else await createSettings(ctx.db, settings, ctx.now);
    const adminId = await createUser(ctx.db, { ...input.admin, role: 'admin' }, ctx.now);
    ctx.audit.actor = { userId: adminId, username: input.admin.username };
    ctx.audit.targetType = 'clinic';
    // Shown once by the set-up screen; written (wrapped) beside the database before the answer leaves.
    const recoverySheet = ctx.state.backups.newRecoveryKey(input.clinicName, ctx.now);
    ctx.audit.details = {
      clinicName: input.clinicName,
      timeZone: input.timeZone,
      currency: input.currency,
      recoveryKeyCreatedAt: recoverySheet.createdAt,
    };
    return { ...(await status(ctx)), recoverySheet };
  },
};
