import { createHmac, randomBytes } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/permissions';
import type { Language } from '../../../src-shared/api/areas/settings';
import { CommitThenFail, type HandlerContext } from '../api/context';
import type { UserRow } from '../db/schema';
import { permissionsOf, updateUser } from '../users/repository';
import { verifyPassword } from './passwords';
import type { Session } from './sessions';
import { waitAfterFailures } from './throttle';

/** Wrong passwords at one window's lock screen before that window is signed out. */
export const MAX_FAILED_UNLOCKS = 5;

const WRONG = () =>
  new CommitThenFail(
    new ApiError('UNAUTHENTICATED', 'Wrong username or password.', { fields: { password: 'is wrong' } }),
  );

/**
 * Checks a password for a sign-in. A failure is counted (throttling the account) and audited even
 * though the call fails; a throttled account is refused before its password is tried.
 */
export async function checkPassword(ctx: HandlerContext<'write'>, user: UserRow, password: string): Promise<void> {
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
    throw WRONG();
  }
  if (user.disabled_at !== null) {
    throw new CommitThenFail(
      new ApiError('UNAUTHENTICATED', 'This account is disabled. Ask an administrator to enable it.'),
    );
  }
}

export async function startSession(ctx: HandlerContext<'write'>, user: UserRow): Promise<Session> {
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
    language: user.language as Language | null,
    permissions: await permissionsOf(ctx.db, role),
    lastActivityAt: ctx.now,
    locked: false,
    failedUnlocks: 0,
  };
}

/**
 * Checks the password at a window's own lock screen. The account's backoff is not consulted — others
 * guessing at the account must not keep its signed-in user out of their own desk — and a wrong
 * password is not counted against the account: the window has its own small allowance, after which
 * it is signed out (and signing in again meets every sign-in limit).
 */
export async function checkUnlock(
  ctx: HandlerContext<'write'>,
  session: Session,
  user: UserRow,
  password: string,
): Promise<void> {
  ctx.audit.actor = { userId: user.id, username: user.username };
  ctx.audit.targetType = 'user';
  ctx.audit.targetId = user.id;
  const signOut = (message: string) => {
    ctx.state.sessions.delete(ctx.clientId);
    return new CommitThenFail(new ApiError('UNAUTHENTICATED', message));
  };
  if (user.disabled_at !== null) throw signOut('This account is disabled. Ask an administrator to enable it.');
  if (await verifyPassword(user.password_hash, password)) {
    session.failedUnlocks = 0;
    return;
  }
  session.failedUnlocks += 1;
  ctx.audit.details = { failedUnlocks: session.failedUnlocks };
  if (session.failedUnlocks >= MAX_FAILED_UNLOCKS) {
    throw signOut(`Signed out after ${MAX_FAILED_UNLOCKS} wrong passwords. Sign in again.`);
  }
  const left = MAX_FAILED_UNLOCKS - session.failedUnlocks;
  throw new CommitThenFail(
    new ApiError('UNAUTHENTICATED', `Wrong password. ${left} more wrong and this desk signs out.`, {
      fields: { password: 'is wrong' },
    }),
  );
}

/** Keyed per run, so the log can tell attempts at the same unknown name apart without ever holding the name. */
const UNKNOWN_NAME_KEY = randomBytes(32);

/**
 * How a failed sign-in with an unknown username is recorded: a short keyed hash, never the text (people
 * type passwords into the username field, and the audit log can never be cleaned).
 */
export function unknownUsernameLabel(typed: string): string {
  return `unknown #${createHmac('sha256', UNKNOWN_NAME_KEY).update(typed).digest('hex').slice(0, 10)}`;
}
