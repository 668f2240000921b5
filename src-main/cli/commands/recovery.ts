import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { restoreWithRecoveryKey } from '../../core/backups/restore-with-recovery';
import { createCore } from '../../core/app';
import { keyFromOptions, readKeyFile } from '../../core/keys/key-file';
import { makeRecoveryKey, databaseKeyFromRecoveryKey } from '../../core/keys/recovery';
import { readSettings } from '../../core/settings/repository';
import { UsageError, parseOptions } from '../args';
import { databaseFile } from '../data-folder';
import { auditCli } from '../system-actor';
import { writeKeyFileOnce } from './key-file-out';

/** The recovery key from --recovery-key or CLINIC_RECOVERY_KEY (an environment variable stays out of shell history). */
function recoveryKeyFrom(option: string | undefined): string {
  const key = option ?? process.env.CLINIC_RECOVERY_KEY;
  if (!key) throw new UsageError('give the recovery key with --recovery-key KEY or in CLINIC_RECOVERY_KEY');
  return key;
}

/**
 * `clinic open-with-recovery --data DIR --key-file NEW --recovery-key KEY`: the key file (or keychain)
 * is lost; the recovery envelope beside the database gives the key back, written to a new key file.
 */
export async function openWithRecoveryCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string', required: true },
    'recovery-key': { type: 'string' },
  });
  const file = databaseFile(options.data ?? '');
  const key = databaseKeyFromRecoveryKey(file, recoveryKeyFrom(options['recovery-key']));
  const keyFile = resolve(options['key-file'] ?? '');
  writeKeyFileOnce(keyFile, key);
  const core = await createCore({ file, key });
  try {
    await auditCli(core.database.db, 'system.recover', { keyFile });
  } finally {
    await core.close();
  }
  console.log(`The recovery key opened ${file}. Its key is now in ${keyFile} (readable by you only).`);
  return 0;
}

/** `clinic restore --from BACKUP --recovery-key KEY --data DIR --key-file FILE`: on a computer without the key. */
export async function restoreWithRecoveryCommand(options: {
  data: string;
  from: string;
  keyFile: string | undefined;
  recoveryKey: string | undefined;
}): Promise<number> {
  if (!options.keyFile) {
    throw new UsageError(
      '--key-file is required with --recovery-key: the restored clinic needs its key on this computer',
    );
  }
  const keyFile = resolve(options.keyFile);
  const from = resolve(options.from);
  const file = databaseFile(options.data);
  const recoveryKey = recoveryKeyFrom(options.recoveryKey);
  // Refused before anything is replaced: a key file that holds another clinic's key.
  if (existsSync(keyFile) && !readKeyFile(keyFile).equals(databaseKeyFromRecoveryKey(from, recoveryKey))) {
    throw new Error(`${keyFile} already holds a different key; name a new file for the restored clinic's key.`);
  }
  const { key, replacedFile } = restoreWithRecoveryKey(file, from, recoveryKey, Date.now());
  writeKeyFileOnce(keyFile, key);
  const core = await createCore({ file, key });
  try {
    await auditCli(core.database.db, 'backup.restore', { from, replacedFile, withRecoveryKey: true });
  } finally {
    await core.close();
  }
  console.log(
    `Restored ${from} with the recovery key; its key is in ${keyFile}.${replacedFile ? ` The database it replaced is kept as ${replacedFile}.` : ''}`,
  );
  return 0;
}

/** `clinic recovery-key new --data DIR`: a new recovery key (the old sheet stops working), printed once. */
export async function newRecoveryKeyCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
  });
  const file = databaseFile(options.data ?? '');
  const key = keyFromOptions(options['key-file']);
  const core = await createCore({ file, key });
  try {
    const settings = await readSettings(core.database.db);
    const { recoveryKey, createdAt } = makeRecoveryKey(file, key, Date.now());
    await auditCli(core.database.db, 'backups.newRecoveryKey', { createdAt });
    console.log(
      [
        `Recovery key for ${settings?.clinicName ?? 'this clinic'}, made ${new Date(createdAt).toISOString().slice(0, 10)}:`,
        '',
        `    ${recoveryKey}`,
        '',
        'Write it down or print it and keep it away from this computer. It is shown only now; any older recovery key no longer opens the clinic.',
      ].join('\n'),
    );
  } finally {
    await core.close();
  }
  return 0;
}
