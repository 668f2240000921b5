import { z } from 'zod';
import { procedure } from '../procedure';
import { ROLES, type Role } from '../permissions';
import { displayName, id, language, newPassword, username } from '../../validation';
import type { SessionInfo } from './auth';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
  /** Wrong passwords in a row at sign-in; the account waits once there are five. */
  failedSignIns: number;
  /** Set once the account has had to wait; cleared by a sign-in, a password reset or `users.clearLock`. */
  signInBlockedUntil: number | null;
}

const role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
const userId = id('a user');

export const usersProcedures = {
  'users.list': procedure<UserSummary[]>()({ input: z.object({}), access: 'users:manage', kind: 'read' }),
  'users.create': procedure<UserSummary>()({
    input: z.object({ username, displayName, role, password: newPassword }),
    access: 'users:manage',
    kind: 'write',
  }),
  'users.setDisabled': procedure<UserSummary>()({
    input: z.object({ userId, disabled: z.boolean() }),
    access: 'users:manage',
    kind: 'write',
  }),
  'users.changeRole': procedure<UserSummary>()({
    input: z.object({ userId, role }),
    access: 'users:manage',
    kind: 'write',
  }),
  'users.resetPassword': procedure<UserSummary>()({
    input: z.object({ userId, password: newPassword }),
    access: 'users:manage',
    kind: 'write',
  }),
  /** Ends an account's sign-in wait (after others guessed at it) without changing its password. */
  'users.clearLock': procedure<UserSummary>()({
    input: z.object({ userId }),
    access: 'users:manage',
    kind: 'write',
  }),
  /** The signed-in user's own language for the screens (null: the clinic's); any user may set theirs. */
  'users.setMyLanguage': procedure<SessionInfo>()({
    input: z.object({ language: language.nullable() }),
    access: 'session',
    kind: 'write',
  }),
};
