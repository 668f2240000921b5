import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupRun, RecoverySheet } from '../../../src-shared/api/areas/backups';
import { appendAudit } from '../audit/repository';
import type { Clock } from '../clock';
import { checkpointFileOf } from '../audit/checkpoint';
import { backupDatabase } from '../db/backup';
import { openEncryptedHandle } from '../db/open';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { envelopeFileFor, parseEnvelope } from '../keys/recovery-envelope';
import { makeRecoveryKey, recoveryKeyCreatedAt } from '../keys/recovery';
import { localDateOf } from '../../../src-shared/scheduling/time';
import { readSettings } from '../settings/repository';
import { backupFileName, pruneBackups } from './files';
import { countPatientsAndAppointments, insertRun } from './repository';

export interface BackupRequest {
  kind: 'manual' | 'scheduled';
  folder: string;
  actor: { userId: string | null; username: string };
  /** Scheduled runs keep the newest N of our files in the folder. */
  keep?: number;
}

/**
 * Backups and the recovery key of one open clinic: holds the database file and key that core was
 * opened with (nothing else in core needs them). One backup at a time; a second request waits for it.
 */
export class BackupKeeper {
  #running: Promise<BackupRun> | null = null;

  constructor(
    private readonly databaseFile: string,
    private readonly key: Buffer,
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  newRecoveryKey(clinicName: string, now: number): RecoverySheet {
    return { ...makeRecoveryKey(this.databaseFile, this.key, now), clinicName };
  }

  recoveryKeyCreatedAt(): number | null {
    return recoveryKeyCreatedAt(this.databaseFile);
  }

  async run(request: BackupRequest): Promise<BackupRun> {
    while (this.#running) await this.#running.catch(() => undefined);
    this.#running = this.#run(request);
    try {
      return await this.#running;
    } finally {
      this.#running = null;
    }
  }

  /** Resolves once no backup is being written (before the database closes). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined);
  }

  async #run(request: BackupRequest): Promise<BackupRun> {
    const startedAt = this.clock();
    const settings = await readSettings(this.db);
    const outcome = this.#copyAndVerify(request.folder, startedAt);
    let pruned: string[] = [];
    if (outcome.verified && request.keep !== undefined) {
      try {
        pruned = pruneBackups(request.folder, request.keep);
      } catch (error) {
        outcome.error = `The backup is good, but older backups could not be removed: ${plainWords(error)}`;
      }
    }
    const row = {
      id: newId(),
      kind: request.kind,
      started_at: startedAt,
      finished_at: this.clock(),
      local_date: localDateOf(settings?.timeZone ?? 'UTC', startedAt),
      folder: request.folder,
      file: outcome.file,
      size_bytes: outcome.sizeBytes,
      verified: outcome.verified ? 1 : 0,
      with_recovery_envelope: outcome.withRecoveryEnvelope ? 1 : 0,
      patients: outcome.patients,
      appointments: outcome.appointments,
      error: outcome.error,
      actor_user_id: request.actor.userId,
    };
    return this.db.transaction().execute(async (trx) => {
      const run = await insertRun(trx, row);
      await appendAudit(trx, {
        at: row.finished_at,
        actorUserId: request.actor.userId,
        actorUsername: request.actor.username,
        action: request.kind === 'manual' ? 'backups.runNow' : 'backups.scheduled',
        targetType: 'backup',
        targetId: row.id,
        outcome: outcome.verified ? 'ok' : 'failed',
        details: {
          folder: request.folder,
          file: outcome.file,
          sizeBytes: outcome.sizeBytes,
          verified: outcome.verified,
          withRecoveryEnvelope: outcome.withRecoveryEnvelope,
          ...(pruned.length > 0 ? { removedOld: pruned } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        },
      });
      return run;
    });
  }

  #copyAndVerify(folder: string, now: number) {
    const outcome = {
      file: null as string | null,
      sizeBytes: null as number | null,
      verified: false,
      withRecoveryEnvelope: false,
      patients: null as number | null,
      appointments: null as number | null,
      error: null as string | null,
    };
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      outcome.error = `The folder ${folder} does not exist or is not connected. If it is on a USB drive, plug the drive in and try again.`;
      return outcome;
    }
    const name = backupFileName(folder, now);
    const out = join(folder, name);
    const envelopeOut = envelopeFileFor(out);
    try {
      backupDatabase(this.databaseFile, this.key, out);
      const envelopeIn = envelopeFileFor(this.databaseFile);
      if (existsSync(envelopeIn)) {
        copyFileSync(envelopeIn, envelopeOut);
        // The copy must still be an envelope we can read, the same bytes as ours.
        const copied = readFileSync(envelopeOut, 'utf8');
        parseEnvelope(copied, envelopeOut);
        if (copied !== readFileSync(envelopeIn, 'utf8')) throw new Error('the recovery envelope did not copy intact');
        outcome.withRecoveryEnvelope = true;
      }
      const counts = countRows(out, this.key);
      outcome.patients = counts.patients;
      outcome.appointments = counts.appointments;
      outcome.file = name;
      outcome.sizeBytes = statSync(out).size + (outcome.withRecoveryEnvelope ? statSync(envelopeOut).size : 0);
      outcome.verified = true;
      if (!outcome.withRecoveryEnvelope) {
        outcome.error =
          'The backup is good, but this clinic has no recovery key yet, so only this computer can open it. Make a recovery key, then back up again.';
      }
    } catch (error) {
      rmSync(out, { force: true });
      rmSync(envelopeOut, { force: true });
      rmSync(checkpointFileOf(out), { force: true });
      outcome.error = `The backup was not made: ${plainWords(error)}`;
    }
    return outcome;
  }
}

/** The copy, opened on its own with the key: rows a person would miss, counted. */
function countRows(file: string, key: Buffer): { patients: number; appointments: number } {
  const handle = openEncryptedHandle({ file, key, readonly: true });
  try {
    return countPatientsAndAppointments(handle);
  } finally {
    handle.close();
  }
}

function plainWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || /SQLITE_FULL|database or disk is full/i.test(String(error))) {
    return 'the drive is full. Free some space or choose another folder.';
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || /readonly|read-only/i.test(String(error))) {
    return 'Front Desk may not write to that folder. Choose a folder you can write to.';
  }
  return error instanceof Error ? error.message : String(error);
}
