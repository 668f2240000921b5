import { z } from 'zod';
import { procedure } from '../procedure';
import type { RecoverySheet } from './backups';
import { clinicName, currency, displayName, newPassword, timeZone, username } from '../../validation';

export interface SystemStatus {
  /** True until the first administrator exists: the renderer shows the setup screen. */
  setupRequired: boolean;
  clinicName: string | null;
  version: string;
}

export const systemProcedures = {
  'system.status': procedure<SystemStatus>()({ input: z.object({}), access: 'public', kind: 'read' }),
  /** Answers the recovery sheet once: the renderer shows it before anything else. */
  'system.setup': procedure<SystemStatus & { recoverySheet: RecoverySheet }>()({
    input: z.object({
      clinicName,
      timeZone,
      currency,
      admin: z.object({ username, displayName, password: newPassword }),
    }),
    access: 'public',
    kind: 'write',
  }),
};
