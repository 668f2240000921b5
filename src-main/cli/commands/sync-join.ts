import type { SyncStatus } from '../../../src-shared/api/areas/sync';
import { createCore } from '../../core/app';
import { parseOptions } from '../args';
import { cliKey, databaseFile } from '../data-folder';

/**
 * `clinic sync join`: a new desk's database (made by `init`, not set up) joins a clinic that has data
 * on the sync server and pulls all of it; the clinic's staff then sign in on it. The app's set-up
 * screen has no "join" choice yet: this is the way for now.
 */
export async function syncJoinCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, {
    data: { type: 'string', required: true },
    'key-file': { type: 'string' },
    server: { type: 'string', required: true },
    code: { type: 'string', required: true },
    fingerprint: { type: 'string' },
  });
  const core = await createCore({ file: databaseFile(options.data ?? ''), key: cliKey(options['key-file']) });
  try {
    const joined = await core.invoke('cli', 'sync.join', {
      serverUrl: options.server ?? '',
      code: options.code ?? '',
      fingerprint: options.fingerprint ?? '',
    });
    if (!joined.ok) {
      const fields = Object.entries(joined.error.details?.fields ?? {}).map(([field, why]) => `${field} ${why}`);
      console.error(`clinic: ${fields.length > 0 ? fields.join('; ') : joined.error.message} [${joined.error.code}]`);
      return 1;
    }
    // sync.join answers after its first round, which took the clinic (or failed: the error is in the status).
    const status = joined.value as SyncStatus;
    if (status.lastError) {
      console.error(`clinic: joined clinic ${status.clinicId ?? ''}, but its data did not arrive: ${status.lastError}`);
      return 1;
    }
    console.log(
      `Joined clinic ${status.clinicId ?? ''} as device ${status.deviceId}; the clinic's data is on this desk.`,
    );
    return 0;
  } finally {
    await core.close();
  }
}
