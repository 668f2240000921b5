import { ApiError } from '../../../../src-shared/api/errors';
import { hashPassword } from '../../auth/passwords';
import { createUser } from '../../users/service';
import { sessionInfo } from '../../auth/sessions';
import type { UserRow } from '../../db/schema';
import {
  countActiveAdmins,
  findUserById,
  listUsers,
  permissionsOf,
  toUserSummary,
  updateUser,
} from '../../users/repository';
import { requireSession, type HandlerContext, type HandlersFor } from '../context';

async function existingUser(ctx: HandlerContext, userId: string): Promise<UserRow> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new ApiError('NOT_FOUND', 'There is no such user.', { fields: { userId: 'no such user' } });
  ctx.audit.targetType = 'user';
  ctx.audit.targetId = user.id;
  return user;
}

/** The clinic must always keep one enabled administrator, or nobody could manage users again. */
async function ensureAnotherAdmin(ctx: HandlerContext, user: UserRow, what: string): Promise<void> {
  if (user.role_id === 'admin' && user.disabled_at === null && (await countActiveAdmins(ctx.db)) <= 1) {
    throw new ApiError(
      'CONFLICT',
      `${user.display_name} is the only enabled administrator; ${what} would leave nobody to manage users.`,
    );
  }
}

async function reload(ctx: HandlerContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new ApiError('NOT_FOUND', 'There is no such user.');
  ctx.broadcast('users.changed', { userId });
  return toUserSummary(user);
}

export const usersHandlers: HandlersFor<
  | 'users.list'
  | 'users.create'
  | 'users.setDisabled'
  | 'users.changeRole'
  | 'users.resetPassword'
  | 'users.clearLock'
  | 'users.setMyLanguage'
> = {
  'users.list': async (ctx) => (await listUsers(ctx.db)).map(toUserSummary),

  'users.create': async (ctx, input) => {
    const id = await createUser(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'user';
    ctx.audit.targetId = id;
    ctx.audit.details = { username: input.username, role: input.role };
    return reload(ctx, id);
  },

  'users.setDisabled': async (ctx, input) => {
    const user = await existingUser(ctx, input.userId);
    if (input.disabled) {
      if (user.id === requireSession(ctx).userId)
        throw new ApiError('CONFLICT', 'You cannot disable your own account.');
      await ensureAnotherAdmin(ctx, user, 'disabling them');
    }
    await updateUser(ctx.db, user.id, {
      disabled_at: input.disabled ? (user.disabled_at ?? ctx.now) : null,
      updated_at: ctx.now,
    });
    if (input.disabled) {
      for (const clientId of ctx.state.sessions.clientsOf(user.id)) {
        ctx.state.sessions.delete(clientId);
        ctx.sendTo(clientId, 'session.changed', { session: null });
      }
    }
    ctx.audit.details = { disabled: input.disabled };
    return reload(ctx, user.id);
  },

  'users.changeRole': async (ctx, input) => {
    const user = await existingUser(ctx, input.userId);
    if (input.role !== 'admin') await ensureAnotherAdmin(ctx, user, 'changing their role');
    await updateUser(ctx.db, user.id, { role_id: input.role, updated_at: ctx.now });
    const permissions = await permissionsOf(ctx.db, input.role);
    for (const clientId of ctx.state.sessions.clientsOf(user.id)) {
      const session = ctx.state.sessions.get(clientId);
      if (!session) continue;
      const updated = { ...session, role: input.role, permissions };
      ctx.state.sessions.set(clientId, updated);
      ctx.sendTo(clientId, 'session.changed', { session: sessionInfo(updated, ctx.state.lockTimeoutMinutes) });
    }
    ctx.audit.details = { from: user.role_id, to: input.role };
    return reload(ctx, user.id);
  },

  'users.resetPassword': async (ctx, input) => {
    const user = await existingUser(ctx, input.userId);
    await updateUser(ctx.db, user.id, {
      password_hash: await hashPassword(input.password),
      password_changed_at: ctx.now,
      failed_login_count: 0,
      login_blocked_until: null,
      updated_at: ctx.now,
    });
    return reload(ctx, user.id);
  },

  'users.clearLock': async (ctx, input) => {
    const user = await existingUser(ctx, input.userId);
    await updateUser(ctx.db, user.id, { failed_login_count: 0, login_blocked_until: null, updated_at: ctx.now });
    ctx.audit.details = { failures: user.failed_login_count, blockedUntil: user.login_blocked_until };
    return reload(ctx, user.id);
  },

  'users.setMyLanguage': async (ctx, input) => {
    const session = requireSession(ctx);
    const user = await existingUser(ctx, session.userId);
    await updateUser(ctx.db, user.id, { language: input.language, updated_at: ctx.now });
    ctx.audit.details = { from: user.language, to: input.language };
    // Every window this user has open follows at once; this one takes the returned session.
    let mine = { ...session, language: input.language };
    for (const clientId of ctx.state.sessions.clientsOf(user.id)) {
      const other = ctx.state.sessions.get(clientId);
      if (!other) continue;
      const updated = { ...other, language: input.language };
      ctx.state.sessions.set(clientId, updated);
      if (clientId === ctx.clientId) mine = updated;
      else ctx.sendTo(clientId, 'session.changed', { session: sessionInfo(updated, ctx.state.lockTimeoutMinutes) });
    }
    return sessionInfo(mine, ctx.state.lockTimeoutMinutes);
  },
};
