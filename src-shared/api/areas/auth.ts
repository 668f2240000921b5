import { z } from 'zod';
import { procedure } from '../procedure';
import type { Permission, Role } from '../permissions';
import { boundedString, password } from '../../validation';
import type { Language } from './settings';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The user's own language for the screens; null (or absent) follows the clinic's. */
  language?: Language | null;
}

export interface SessionInfo {
  user: SessionUser;
  permissions: Permission[];
  locked: boolean;
  lockTimeoutMinutes: number;
}

export const authProcedures = {
  'auth.login': procedure<SessionInfo>()({
    input: z.object({ username: boundedString(100).trim().toLowerCase().min(1, 'must not be empty'), password }),
    access: 'public',
    kind: 'write',
  }),
  'auth.session': procedure<SessionInfo | null>()({ input: z.object({}), access: 'public', kind: 'read' }),
  'auth.logout': procedure<null>()({ input: z.object({}), access: 'public', kind: 'write' }),
  'auth.lock': procedure<SessionInfo>()({ input: z.object({}), access: 'session', kind: 'write' }),
  'auth.unlock': procedure<SessionInfo>()({ input: z.object({ password }), access: 'public', kind: 'write' }),
};
