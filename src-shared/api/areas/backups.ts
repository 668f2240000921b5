import { z } from 'zod';
import { procedure } from '../procedure';
import { boundedString } from '../../validation';

/** The recovery sheet's content: shown once, when the key is made; Front Desk keeps only the wrapped database key. */
export interface RecoverySheet {
  /** Eight groups of four, `7KQ2-…`. */
  recoveryKey: string;
  clinicName: string;
  createdAt: number;
}

export interface BackupRun {
  id: string;
  kind: 'manual' | 'scheduled';
  startedAt: number;
  finishedAt: number;
  folder: string;
  /** The backup's file name inside the folder; null when nothing was written. */
  file: string | null;
  /** Bytes of the database copy and its recovery envelope. */
  sizeBytes: number | null;
  /** Reopened with the key, integrity_check ok and its rows counted. */
  verified: boolean;
  /** The recovery envelope was written beside it, so the recovery key opens it on another computer. */
  withRecoveryEnvelope: boolean;
  patients: number | null;
  appointments: number | null;
  /** What went wrong, in plain words; null when it worked. */
  error: string | null;
}

export interface BackupSchedule {
  enabled: boolean;
  folder: string;
  /** 'HH:mm' on the clinic's clock. */
  timeOfDay: string;
  keep: number;
}

export interface BackupStatus {
  /** When the current recovery key was made; null when the clinic has none yet. */
  recoveryKeyCreatedAt: number | null;
  schedule: BackupSchedule | null;
  /** Newest first, at most 10. */
  recentRuns: BackupRun[];
}

/**
 * A folder on this computer (or a mounted USB drive): absolute, as `/media/usb` or `E:\Backups`. A
 * relative folder would land wherever the host happened to start.
 */
export const backupFolder = boundedString(500)
  .trim()
  .min(1, 'must name a folder')
  .regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, 'must be a full folder path, such as /media/usb or E:\\Backups');

const timeOfDay = boundedString(5).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 02:30');

export const backupsProcedures = {
  'backups.status': procedure<BackupStatus>()({ input: z.object({}), access: 'backups:manage', kind: 'read' }),
  /**
   * Copies, verifies and records a backup. Declared `read` on purpose: a write would hold the
   * database's write lock for the whole copy and stall every desk; the run records itself and its audit
   * entry in a short transaction of its own when the copy is done. A run that fails (no such folder,
   * the drive full) answers ok with the error in plain words, and is recorded as failed.
   */
  'backups.runNow': procedure<BackupRun>()({
    input: z.object({ folder: backupFolder }),
    access: 'backups:manage',
    kind: 'read',
  }),
  'backups.updateSchedule': procedure<BackupSchedule>()({
    input: z.object({
      enabled: z.boolean({ error: 'must be on or off' }),
      folder: backupFolder,
      timeOfDay,
      keep: z
        .number({ error: 'must be a number of backups' })
        .int('must be a whole number')
        .min(1, 'must keep at least 1 backup')
        .max(365, 'must keep at most 365 backups'),
    }),
    access: 'backups:manage',
    kind: 'write',
  }),
  /** A new recovery key: the old sheet stops opening the database (backups already made keep the key they were made with). */
  'backups.newRecoveryKey': procedure<RecoverySheet>()({
    input: z.object({}),
    access: 'backups:manage',
    kind: 'write',
  }),
};
