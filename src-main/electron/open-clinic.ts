import { existsSync } from 'node:fs';
import { createCore, type Core } from '../core/app';
import { DatabaseOpenError } from '../core/db/errors';
import { envelopeFileFor } from '../core/keys/recovery-envelope';
import { createRecoveryGate } from '../core/recovery-gate';
import { KEY_RECORD_FILE } from './key-policy';
import { KeyRefusedError, keepRecoveredKey, loadDatabaseKey } from './key-store';

/** How the app names itself in the clinic lock, for `clinic restore`'s refusal. */
const APP_LOCK = 'the Front Desk app';

/**
 * The clinic core for this computer: opened with the key store's key; or, when the key store refuses
 * (keychain reset or changed, key record lost or damaged) and the clinic's recovery envelope is beside
 * the database, a recovery gate — the window shows the recovery screen and the recovery sheet's key
 * opens the clinic, after which the key is wrapped by the keychain again.
 */
export async function openClinic(userDataDir: string, databaseFile: string): Promise<Core> {
  let loaded: { key: Buffer; created: boolean };
  try {
    loaded = await loadDatabaseKey({ userDataDir, databaseFile });
  } catch (error) {
    if (error instanceof KeyRefusedError && existsSync(databaseFile) && existsSync(envelopeFileFor(databaseFile))) {
      return createRecoveryGate({
        databaseFile,
        reason: `${error.message} It can be opened with the clinic's recovery key instead.`,
        keepKey: (key) => keepRecoveredKey(userDataDir, key),
        open: (key) => createCore({ file: databaseFile, key, lock: APP_LOCK }),
      });
    }
    throw error;
  }
  if (!loaded.created && !existsSync(databaseFile)) {
    throw new DatabaseOpenError(
      'NOT_FOUND',
      `The clinic database ${databaseFile} is missing, though its key record ${KEY_RECORD_FILE} is here. ` +
        'Front Desk will not start a new empty database in its place: restore clinic.db from a backup. ' +
        `(If this is a new installation that never opened, delete ${KEY_RECORD_FILE} and start again.)`,
    );
  }
  return createCore({ file: databaseFile, key: loaded.key, create: loaded.created, lock: APP_LOCK });
}
