import { z } from 'zod';
import { procedure } from '../procedure';
import type { RecoverySheet } from './backups';
import {
  boundedString,
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
  /**
   * Set when the host could not get the database key (keychain reset, key file lost) but a recovery
   * envelope is beside the database: why, for the recovery screen. Null when the clinic is open.
   */
  recoveryRequired: string | null;
  /**
   * A demo clinic of made-up data (`clinic demo`, `npm run start:web -- --demo`): every screen says so,
   * and the sign-in screen gives the demo accounts. Never unset once made.
   */
  demo: boolean;
  /** A demo clinic being made from the set-up screen ("Try with sample data"), or why it failed. */
  demoBuild: DemoBuild | null;
}

export interface DemoBuild {
  state: 'running' | 'failed';
  message: string | null;
}

export const systemProcedures = {
  'system.status': procedure<SystemStatus>()({ input: z.object({}), access: 'public', kind: 'read' }),
  /** Answers the recovery sheet once: the renderer shows it before anything else. */
  'system.setup': procedure<SystemStatus & { recoverySheet: RecoverySheet }>()({
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
  /**
   * "Try with sample data" on the set-up screen: starts making the demo clinic (made-up staff, patients
   * and a week of appointments) in this still empty clinic and answers at once; `system.status` says
   * when it is made (`demo`) or why not (`demoBuild`). Refused once the clinic is set up.
   */
  'system.startDemo': procedure<SystemStatus>()({
    input: z.object({ timeZone }),
    access: 'public',
    kind: 'write',
  }),
  /**
   * Opens the clinic with the recovery sheet's key when the host started without its database key
   * (answered by the host's recovery gate; an open clinic answers CONFLICT). The host then keeps the
   * key again its usual way (keychain, key file).
   */
  'system.recover': procedure<SystemStatus>()({
    input: z.object({ recoveryKey: boundedString(100).min(1, 'must not be empty') }),
    access: 'public',
    kind: 'write',
  }),
};
