import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { restoreDatabase } from '../db/backup';
import { databaseKeyFromRecoveryKey } from '../keys/recovery';
import { envelopeFileFor } from '../keys/recovery-envelope';

/**
 * Another computer, or this one after its keychain or key file was lost: the backup's own envelope
 * (beside it) and the recovery key give the database key; the backup is verified and put in place,
 * and its envelope goes beside the restored database so the same sheet keeps opening it.
 */
export function restoreWithRecoveryKey(
  databaseFile: string,
  backupFile: string,
  recoveryKey: string,
  now: number,
): { key: Buffer; replacedFile: string | null } {
  const key = databaseKeyFromRecoveryKey(backupFile, recoveryKey);
  mkdirSync(dirname(databaseFile), { recursive: true });
  const { replacedFile } = restoreDatabase(databaseFile, key, backupFile, now);
  copyFileSync(envelopeFileFor(backupFile), envelopeFileFor(databaseFile));
  return { key, replacedFile };
}
