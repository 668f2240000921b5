import { ApiError } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/permissions';
import { CommitThenFail, type HandlerContext } from '../api/context';
import type { UserRow } from '../db/schema';
import { permissionsOf, updateUser } from '../users/repository';
import { verifyPassword } from './passwords';
import type { Session } from './sessions';
import { waitAfterFailures } from './throttle';

/**
 * Checks a password for a sign-in or an unlock. A failure is counted (throttling the account) and
 * audited even though the call fails; a throttled account is refused before its password is tried.
 */
export async function checkPassword(ctx: HandlerContext, user: UserRow, password: string): Promise<void> {
  ctx.audit.actor = { userId: user.id, username: user.username };
  ctx.audit.targetType = 'user';
  ctx.audit.targetId = user.id;
  if (user.login_blocked_until !== null && ctx.now < user.login_blocked_until) {
    const seconds = Math.ceil((user.login_blocked_until - ctx.now) / 1000);
    throw new CommitThenFail(
      new ApiError('RATE_LIMITED', `Too many wrong passwords for ${user.username}. Try again in ${seconds} seconds.`, {
        retryAfterMs: user.login_blocked_until - ctx.now,
      }),
    );
  }
  if (!(await verifyPassword(user.password_hash, password))) {
    const failures = user.failed_login_count + 1;
    const wait = waitAfterFailures(failures);
    await updateUser(ctx.db, user.id, {
      failed_login_count: failures,
      login_blocked_until: wait > 0 ? ctx.now + wait : null,
      updated_at: ctx.now,
    });
    ctx.audit.details = { failures };
    throw new CommitThenFail(
      new ApiError('UNAUTHENTICATED', 'Wrong username or password.', { fields: { password: 'is wrong' } }),
    );
  }
  if (user.disabled_at !== null) {
    throw new CommitThenFail(
      new ApiError('UNAUTHENTICATED', 'This account is disabled. Ask an administrator to enable it.'),
    );
  }
}

export async function startSession(ctx: HandlerContext, user: UserRow): Promise<Session> {
  await updateUser(ctx.db, user.id, {
    failed_login_count: 0,
    login_blocked_until: null,
    last_login_at: ctx.now,
    updated_at: ctx.now,
  });
  const role = user.role_id as Role;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    role,
    permissions: await permissionsOf(ctx.db, role),
    lastActivityAt: ctx.now,
    locked: false,
  };
}
