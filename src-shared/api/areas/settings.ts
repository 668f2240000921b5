import { z } from 'zod';
import { procedure } from '../procedure';
import { clinicName, currency, dateFormat, lockTimeoutMinutes, timeZone } from '../../validation';

export type DateFormat = z.infer<typeof dateFormat>;

export interface ClinicSettings {
  clinicName: string;
  timeZone: string;
  currency: string;
  lockTimeoutMinutes: number;
  dateFormat: DateFormat;
  updatedAt: number;
}

export const settingsProcedures = {
  'settings.get': procedure<ClinicSettings>()({ input: z.object({}), access: 'session', kind: 'read' }),
  'settings.update': procedure<ClinicSettings>()({
    input: z.object({ clinicName, timeZone, currency, lockTimeoutMinutes, dateFormat }).partial(),
    access: 'settings:manage',
    kind: 'write',
  }),
};
