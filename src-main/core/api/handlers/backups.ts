import { ApiError } from '../../../../src-shared/api/errors';
import { readSchedule, recentRuns, saveSchedule } from '../../backups/repository';
import { readSettings } from '../../settings/repository';
import { requireSession, type HandlersFor } from '../context';

const RECENT_RUNS = 10;

export const backupsHandlers: HandlersFor<
  'backups.status' | 'backups.runNow' | 'backups.updateSchedule' | 'backups.newRecoveryKey'
> = {
  'backups.status': async (ctx) => ({
    recoveryKeyCreatedAt: ctx.state.backups.recoveryKeyCreatedAt(),
    schedule: await readSchedule(ctx.db),
    recentRuns: await recentRuns(ctx.db, RECENT_RUNS),
  }),

  // A `read` procedure (see the contract): the keeper records the run and its audit entry itself.
  'backups.runNow': async (ctx, input) => {
    const session = requireSession(ctx);
    return ctx.state.backups.run({
      kind: 'manual',
      folder: input.folder,
      actor: { userId: session.userId, username: session.username },
    });
  },

  'backups.updateSchedule': async (ctx, input) => {
    await saveSchedule(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'backup-schedule';
    ctx.audit.details = { ...input };
    return input;
  },

  'backups.newRecoveryKey': async (ctx) => {
    const settings = await readSettings(ctx.db);
    if (!settings) throw new ApiError('CONFLICT', 'Set up the clinic first.');
    const sheet = ctx.state.backups.newRecoveryKey(settings.clinicName, ctx.now);
    // The key itself is never logged: only that a new one replaced the old.
    ctx.audit.targetType = 'recovery-key';
    ctx.audit.details = { createdAt: sheet.createdAt };
    return sheet;
  },
};
