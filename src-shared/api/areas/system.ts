import { z } from 'zod';
import { procedure } from '../procedure';
import {
  clinicName,
  currency,
  dateFormat,
  displayName,
  newPassword,
  regionCode,
  timeFormat,
  timeZone,
  username,
  weekStart,
} from '../../validation';

export interface SystemStatus {
  /** True until the first administrator exists: the renderer shows the setup screen. */
  setupRequired: boolean;
  clinicName: string | null;
  version: string;
}

export const systemProcedures = {
  'system.status': procedure<SystemStatus>()({ input: z.object({}), access: 'public', kind: 'read' }),
  'system.setup': procedure<SystemStatus>()({
    input: z.object({
      clinicName,
      timeZone,
      currency,
      /** Where the clinic is: the formats below default from it (the screen shows them filled in). */
      country: regionCode.optional(),
      dateFormat: dateFormat.optional(),
      timeFormat: timeFormat.optional(),
      weekStart: weekStart.optional(),
      phoneRegion: regionCode.optional(),
      admin: z.object({ username, displayName, password: newPassword }),
    }),
    access: 'public',
    kind: 'write',
  }),
};
