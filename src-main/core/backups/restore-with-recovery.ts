import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { restoreDatabase } from '../db/restore';
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
  // Refused while anything has the clinic open; the lock is let go once the file is in place.
  const restored = restoreDatabase(databaseFile, key, backupFile, now);
  restored.release();
  const { replacedFile } = restored;
  copyFileSync(envelopeFileFor(backupFile), envelopeFileFor(databaseFile));
  return { key, replacedFile };
}

/**
 * A backup made outside the app (`clinic backup`) gets the clinic's recovery envelope beside it too, so
 * the sheet opens it on another computer. Returns the envelope's path, or null when the clinic has none.
 */
export function copyEnvelopeBeside(databaseFile: string, backupFile: string): string | null {
  const from = envelopeFileFor(databaseFile);
  if (!existsSync(from)) return null;
  const to = envelopeFileFor(backupFile);
  copyFileSync(from, to);
  return to;
}
