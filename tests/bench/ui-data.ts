import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { CLI_BUNDLE } from '../../scripts/cli-bundle';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { BENCH_KEY, type Dataset } from './dataset';
import { BENCH_USERNAME, wallInstant } from './scheduling-data';

const ROOT = resolve(import.meta.dirname, '../..');

/** A Saturday and a Sunday after the bench's today, outside the seeded weekdays: filled for the UI bench. */
export const UI_DATES = ['2026-06-20', '2026-06-21'] as const;
export const UI_PER_PROVIDER = 30;

/**
 * A copy of the bench clinic for the browser, with 30 fifteen-minute appointments for each of the
 * 20 providers on each UI date (08:00 to 15:30): the day view the issue names, 600 appointments.
 */
export function uiClinic(dataset: Dataset): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'front-desk-bench-ui-'));
  copyFileSync(dataset.encrypted, join(dir, 'clinic.db'));
  const handle = openEncryptedHandle({ file: join(dir, 'clinic.db'), key: BENCH_KEY });
  try {
    const admin = handle.prepare('SELECT id FROM users WHERE username = ?').pluck().get(BENCH_USERNAME) as string;
    const type = handle.prepare('SELECT id FROM appointment_types WHERE duration_minutes = 15').pluck().get() as string;
    const location = dataset.scheduling.locationId;
    const patients = handle
      .prepare('SELECT id FROM patients ORDER BY rowid LIMIT ?')
      .pluck()
      .all(UI_PER_PROVIDER * dataset.scheduling.providerIds.length) as string[];
    const insert = handle.prepare(`
      INSERT INTO appointments (id, patient_id, provider_id, location_id, room_id, type_id, start_at, end_at, reason, notes, status,
        cancel_reason, cancelled_by, cancelled_at, rescheduled_from_id, meeting_link, override_reason, overridden_by, created_by,
        created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'Check-up', NULL, ?, NULL, NULL, NULL, NULL, NULL, 'bench UI data', ?, ?, ?, ?, NULL)`);
    handle.transaction(() => {
      for (const date of UI_DATES) {
        dataset.scheduling.providerIds.forEach((providerId, p) => {
          for (let k = 0; k < UI_PER_PROVIDER; k += 1) {
            const start = wallInstant(date, 8 * 60 + k * 15);
            const now = start - 86_400_000;
            const patient = patients[(p * UI_PER_PROVIDER + k) % patients.length] ?? '';
            insert.run(
              uuidv7({ msecs: now }),
              patient,
              providerId,
              location,
              type,
              start,
              start + 15 * 60_000,
              k % 3 === 0 ? 'confirmed' : 'booked',
              admin,
              admin,
              now,
              now,
            );
          }
        });
      }
    })();
    handle.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    handle.close();
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The built CLI; FRONT_DESK_BENCH_CLI=tsx runs the TypeScript source through tsx instead, as
 * `npm run clinic` does, to measure what the bundle saves.
 */
function cliCommand(): string[] {
  return process.env.FRONT_DESK_BENCH_CLI === 'tsx' ? ['--import', 'tsx', 'src-main/cli/index.ts'] : [CLI_BUNDLE];
}

/**
 * `clinic serve` on a data folder, as a person starts browser mode (`npm run clinic:built`, the bundle
 * of `npm run build:cli`, which the caller has built); resolves with its address.
 */
export async function serve(dataDir: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...cliCommand(), 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, CLINIC_DB_KEY: BENCH_KEY.toString('hex') },
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Front Desk is running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (found?.[1]) {
        clearTimeout(timer);
        done(found[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { url, child, stop };
}
