import { z } from 'zod';
import { procedure } from '../procedure';
import { id, requiredText } from '../../validation';
import type { DeviceInfo } from '../../sync/protocol';

export type { DeviceInfo };

/** The clinic's devices as the sync server lists them, and which one is this desk. */
export interface ClinicDevices {
  clinicName: string;
  thisDeviceId: string;
  devices: DeviceInfo[];
}

export interface EnrolmentCode {
  /** Shown once: the server keeps only its hash. */
  code: string;
  clinicName: string;
  expiresAt: number;
  /** The server's address and pin the new desk types beside the code. */
  serverUrl: string;
  fingerprint: string | null;
}

/**
 * A connected desk's administrators manage the clinic's devices on the sync server (issue 17). Each asks
 * the server, which checks `users:manage` again for the signed-in user against the clinic's synced roles.
 * Declared `read` like `sync.enrol`: they talk to the server; the desk's audit entry is written by the
 * service in a short transaction of its own.
 */
export const devicesProcedures = {
  'devices.list': procedure<ClinicDevices>()({ input: z.object({}), access: 'users:manage', kind: 'read' }),
  /** A one-time code another desk joins with, valid `hours` (1 to 720). */
  'devices.enrolCode': procedure<EnrolmentCode>()({
    input: z.object({
      hours: z
        .number()
        .int('must be a whole number of hours')
        .min(1, 'must be at least 1 hour')
        .max(720, 'must be at most 720 hours (30 days)'),
    }),
    access: 'users:manage',
    kind: 'read',
  }),
  /** Names a device of the clinic (this desk too) as people know it. */
  'devices.rename': procedure<{ deviceId: string; name: string }>()({
    input: z.object({ deviceId: id('a device'), name: requiredText(60) }),
    access: 'users:manage',
    kind: 'read',
  }),
  /** Retires a device: the server refuses it from then on; it must enrol again with a new code. */
  'devices.revoke': procedure<{ deviceId: string; revoked: boolean }>()({
    input: z.object({ deviceId: id('a device') }),
    access: 'users:manage',
    kind: 'read',
  }),
};
