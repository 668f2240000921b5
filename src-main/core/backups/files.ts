import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkpointFileOf } from '../audit/checkpoint';
import { ENVELOPE_SUFFIX } from '../keys/recovery-envelope';

/** Every backup Front Desk writes is named so, and retention deletes nothing else. */
const PREFIX = 'front-desk-backup-';
const NAME = /^front-desk-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(?:-\d+)?\.db$/;

/** `front-desk-backup-2026-12-02T03-00-00Z.db`: sorts by time; `-2`… when two land in one second. */
export function backupFileName(folder: string, now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/:/g, '-');
  let name = `${PREFIX}${stamp}Z.db`;
  for (let n = 2; existsSync(join(folder, name)) || existsSync(join(folder, name + ENVELOPE_SUFFIX)); n += 1) {
    name = `${PREFIX}${stamp}Z-${n}.db`;
  }
  return name;
}

/** Deletes all but the newest `keep` of our backups in the folder (with their envelopes and audit heads); returns the names deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const ours = readdirSync(folder)
    .filter((name) => NAME.test(name))
    .sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) {
    rmSync(join(folder, name), { force: true });
    rmSync(join(folder, name + ENVELOPE_SUFFIX), { force: true });
    rmSync(checkpointFileOf(join(folder, name)), { force: true });
  }
  return old;
}
