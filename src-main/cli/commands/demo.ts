import { existsSync } from 'node:fs';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../src-shared/demo';
import { seedDemoClinic } from '../../core/demo/demo-clinic';
import { readKeyFile, writeNewKeyFile } from '../../core/keys/key-file';
import { parseOptions } from '../args';
import { databaseFile, openCore } from '../data-folder';

/**
 * `clinic demo --data DIR [--key-file FILE]`: a new demo clinic of made-up data in an empty folder, in
 * this computer's time zone, with today's appointments around the moment it is made.
 */
export async function demoCommand(argv: string[]): Promise<number> {
  const options = parseOptions(argv, { data: { type: 'string', required: true }, 'key-file': { type: 'string' } });
  const file = databaseFile(options.data ?? '');
  if (existsSync(file)) {
    console.error(`clinic: ${file} already exists; a demo is made only in a new, empty folder.`);
    return 1;
  }
  const keyFile = options['key-file'];
  if (keyFile && !existsSync(keyFile)) writeNewKeyFile(keyFile);
  else if (keyFile) readKeyFile(keyFile);
  const core = await openCore(options.data ?? '', keyFile, true);
  try {
    const started = performance.now();
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const made = await seedDemoClinic(core, { timeZone, now: Date.now() });
    console.log(
      `Made ${made.clinicName} in ${file} (${timeZone}, today ${made.today}): ${made.patients} made-up patients, ` +
        `${made.appointments} appointments, ${made.arrived} arrived today, in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    console.log(`Sign in as ${DEMO_USERS.map((u) => u.username).join(', ')} with the password "${DEMO_PASSWORD}".`);
    return 0;
  } finally {
    await core.close();
  }
}
