import { z } from 'zod';
import { procedure } from '../procedure';
import { ROLES, type Role } from '../permissions';
import { displayName, id, newPassword, username } from '../../validation';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
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
};
