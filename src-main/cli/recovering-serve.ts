import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore, type Core } from '../core/app';
import { envelopeFileFor } from '../core/keys/recovery-envelope';
import { createRecoveryGate } from '../core/recovery-gate';
import { writeKeyFileOnce } from './commands/key-file-out';
import { databaseFile, openCore } from './data-folder';

/**
 * `serve` with a key file that is gone but a clinic and its recovery envelope still there: the page
 * shows the recovery screen instead of the process failing, and the recovered key is written back to
 * the key file named. Any other case opens as before.
 */
export async function openOrAwaitRecovery(
  dataDir: string,
  keyFile: string | undefined,
  create: boolean,
  lock?: string,
): Promise<Core> {
  const file = databaseFile(dataDir);
  if (keyFile && !existsSync(resolve(keyFile)) && existsSync(file) && existsSync(envelopeFileFor(file))) {
    const keyPath = resolve(keyFile);
    console.log(`The key file ${keyPath} is missing: the page asks for the clinic's recovery key.`);
    return createRecoveryGate({
      databaseFile: file,
      reason: `The key that opens this clinic's database is missing (the key file ${keyPath} is gone). Enter the recovery key from the clinic's recovery sheet; Front Desk then writes the key file again.`,
      keepKey: (key) => writeKeyFileOnce(keyPath, key),
      open: (key) => createCore({ file, key, lock }),
    });
  }
  return openCore(dataDir, keyFile, create, lock);
}
