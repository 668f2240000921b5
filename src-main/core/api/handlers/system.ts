import { ApiError } from '../../../../src-shared/api/errors';
import type { SystemStatus } from '../../../../src-shared/api/areas/system';
import { hashPassword } from '../../auth/passwords';
import { newId } from '../../ids';
import { createSettings, readSettings } from '../../settings/repository';
import { countUsers, insertUser } from '../../users/repository';
import type { HandlerContext, HandlersFor } from '../context';

export const APP_VERSION = '0.1.0';

async function status(ctx: HandlerContext): Promise<SystemStatus> {
  const [settings, users] = await Promise.all([readSettings(ctx.db), countUsers(ctx.db)]);
  return { setupRequired: users === 0, clinicName: settings?.clinicName ?? null, version: APP_VERSION };
}

export const systemHandlers: HandlersFor<'system.status' | 'system.setup'> = {
  'system.status': status,

  'system.setup': async (ctx, input) => {
    if ((await countUsers(ctx.db)) > 0) {
      throw new ApiError('CONFLICT', 'Front Desk is already set up. Sign in as an administrator to change settings.');
    }
    if (!(await readSettings(ctx.db))) await createSettings(ctx.db, input, ctx.now);
    const adminId = newId();
    await insertUser(ctx.db, {
      id: adminId,
      username: input.admin.username,
      display_name: input.admin.displayName,
      role_id: 'admin',
      password_hash: await hashPassword(input.admin.password),
      password_changed_at: ctx.now,
      disabled_at: null,
      login_blocked_until: null,
      last_login_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    ctx.audit.actor = { userId: adminId, username: input.admin.username };
    ctx.audit.targetType = 'clinic';
    ctx.audit.details = { clinicName: input.clinicName, timeZone: input.timeZone, currency: input.currency };
    return status(ctx);
  },
};
