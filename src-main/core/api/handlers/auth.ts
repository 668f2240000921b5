import { ApiError } from '../../../../src-shared/api/errors';
import { checkPassword, checkUnlock, startSession, unknownUsernameLabel } from '../../auth/login';
import { burnPasswordCheck } from '../../auth/passwords';
import { sessionInfo } from '../../auth/sessions';
import { findUserById, findUserByUsername } from '../../users/repository';
import { CommitThenFail, requireSession, type HandlersFor } from '../context';

export const authHandlers: HandlersFor<'auth.login' | 'auth.session' | 'auth.logout' | 'auth.lock' | 'auth.unlock'> = {
  'auth.login': async (ctx, input) => {
    const limits = ctx.state.signIns;
    const wait = limits.retryAfter(ctx.clientId, ctx.now);
    if (wait > 0) {
      // Not audited and no password checked: a flood of refused attempts costs nothing and adds nothing.
      throw new ApiError(
        'RATE_LIMITED',
        `Too many failed sign-ins from this computer. Try again in ${Math.ceil(wait / 1000)} seconds.`,
        { retryAfterMs: wait },
      );
    }
    const user = await findUserByUsername(ctx.db, input.username);
    if (!user) {
      await burnPasswordCheck(input.password);
      limits.recordFailure(ctx.clientId, ctx.now);
      ctx.audit.actor = { userId: null, username: unknownUsernameLabel(input.username) };
      throw new CommitThenFail(
        new ApiError('UNAUTHENTICATED', 'Wrong username or password.', { fields: { password: 'is wrong' } }),
      );
    }
    try {
      await checkPassword(ctx, user, input.password);
    } catch (error) {
      limits.recordFailure(ctx.clientId, ctx.now);
      throw error;
    }
    limits.recordSuccess(ctx.clientId);
    const session = await startSession(ctx, user);
    ctx.state.sessions.set(ctx.clientId, session);
    return sessionInfo(session, ctx.state.lockTimeoutMinutes);
  },

  'auth.session': async (ctx) => {
    const session = ctx.session;
    if (!session) return null;
    const idle = ctx.now - session.lastActivityAt > ctx.state.lockTimeoutMinutes * 60_000;
    return { ...sessionInfo(session, ctx.state.lockTimeoutMinutes), locked: session.locked || idle };
  },

  'auth.logout': async (ctx) => {
    if (ctx.session) ctx.state.sessions.delete(ctx.clientId);
    return null;
  },

  'auth.lock': async (ctx) => {
    const session = requireSession(ctx);
    session.locked = true;
    return sessionInfo(session, ctx.state.lockTimeoutMinutes);
  },

  'auth.unlock': async (ctx, input) => {
    const session = requireSession(ctx);
    const user = await findUserById(ctx.db, session.userId);
    if (!user) {
      ctx.state.sessions.delete(ctx.clientId);
      throw new ApiError('UNAUTHENTICATED', 'This account no longer exists. Sign in again.');
    }
    await checkUnlock(ctx, session, user, input.password);
    session.locked = false;
    session.lastActivityAt = ctx.now;
    return sessionInfo(session, ctx.state.lockTimeoutMinutes);
  },
};
