import { openEncryptedHandle } from '../db/open';
import { envelopeFileFor, openEnvelope, readEnvelope, sealEnvelope, writeEnvelope } from './recovery-envelope';
import { RecoveryKeyError, groupRecoveryKey, newRecoveryKey } from './recovery-key';

/**
 * The recovery key's two uses, for every host: making one (set-up, or an administrator replacing it,
 * which invalidates the old sheet because the envelope it opened is replaced), and getting the database
 * key back with one when the keychain or key file is gone.
 */

export function makeRecoveryKey(
  databaseFile: string,
  databaseKey: Buffer,
  now: number,
): { recoveryKey: string; createdAt: number } {
  const recoveryKey = newRecoveryKey();
  const file = envelopeFileFor(databaseFile);
  const envelope = sealEnvelope(databaseKey, recoveryKey, now);
  writeEnvelope(file, envelope);
  // Read back from disk before anyone is told to write the key down. The same bytes open the same way
  // (tests/unit/backups-recovery.test.ts opens what sealEnvelope makes), so comparing spares a second scrypt at every set-up.
  if (JSON.stringify(readEnvelope(file)) !== JSON.stringify(envelope)) {
    throw new Error(`The recovery envelope ${file} did not read back; check the disk and try again.`);
  }
  return { recoveryKey: groupRecoveryKey(recoveryKey), createdAt: now };
}

/** When the current recovery key was made, or null when there is none (or its envelope is unreadable). */
export function recoveryKeyCreatedAt(databaseFile: string): number | null {
  try {
    return readEnvelope(envelopeFileFor(databaseFile)).createdAt;
  } catch {
    return null;
  }
}

/**
 * The database key of `databaseFile` (the clinic's own, or a backup) from the recovery key typed off the
 * sheet, proved by opening the database with it. Throws RecoveryKeyError with a message for the screen.
 */
export function databaseKeyFromRecoveryKey(databaseFile: string, typedRecoveryKey: string): Buffer {
  const key = openEnvelope(readEnvelope(envelopeFileFor(databaseFile)), typedRecoveryKey);
  try {
    const handle = openEncryptedHandle({ file: databaseFile, key, readonly: true });
    handle.close();
  } catch (error) {
    throw new RecoveryKeyError(
      'DAMAGED_RECOVERY_ENVELOPE',
      `The recovery key opened the envelope beside ${databaseFile}, but the key in it does not open that database (${error instanceof Error ? error.message : String(error)}). The envelope belongs to another clinic's database.`,
    );
  }
  return key;
}
