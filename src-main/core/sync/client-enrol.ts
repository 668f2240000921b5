import { restartAuditQueue } from './audit-queue-repository';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ApiError } from '../../../src-shared/api/errors';
import type { EnrolResponse, SnapshotResponse } from '../../../src-shared/sync/protocol';
import type { Actor } from '../actor';
import { appendAudit } from '../audit/repository';
import { saveCursor } from './bootstrap-repository';
import {
  clearSyncedRows,
  hasUsers,
  readEnrolment,
  restampOutbox,
  saveClock,
  saveDeskCode,
  saveEnrolment,
} from './client-repository';
import { askEnrol } from './client-requests';
import type { EnrolRequestInput, SyncClientDeps, TransportFactory } from './client';
import { enqueueSnapshot } from './snapshot-repository';
import { normaliseFingerprint, serverUrlProblem } from './transport';

const ENROL_TIMEOUT_MS = 4_000;

/**
 * Enrols this desk with a one-time code (SyncClient.enrol). Which case applies is decided by the
 * server's merged rows for the clinic (one snapshot page of at most one row): none, and this desk is
 * set up → the first desk, which queues a snapshot of every synced row; some, and this desk has no user
 * yet → a new desk, which starts from the clinic's snapshot. The other two are refused, nothing changed.
 */
export async function enrolWithServer(
  deps: SyncClientDeps,
  transportFor: TransportFactory,
  input: EnrolRequestInput,
  mode: 'first' | 'join',
  actor: Actor,
): Promise<EnrolResponse> {
  const { database, clock } = deps;
  const { handle } = database;
  const serverUrl = input.serverUrl.trim().replace(/\/$/, '');
  const problem = serverUrlProblem(serverUrl);
  if (problem) throw new ApiError('VALIDATION', `Server address ${problem}.`, { fields: { serverUrl: problem } });
  const https = serverUrl.toLowerCase().startsWith('https:');
  const fingerprint = https ? normaliseFingerprint(input.fingerprint) : null;
  if (https && !input.fingerprint.trim()) {
    const why = 'must be given for an https server (the server prints it when it starts)';
    throw new ApiError('VALIDATION', `Fingerprint ${why}.`, { fields: { fingerprint: why } });
  }
  const current = readEnrolment(handle);
  if (current.clinicId !== null) {
    throw new ApiError('CONFLICT', `This desk is already connected to ${current.serverUrl ?? 'a server'}.`);
  }
  const setUp = hasUsers(handle);
  if (mode === 'join' && setUp) {
    throw new ApiError(
      'CONFLICT',
      'This desk is already set up: only a new desk joins a clinic. Sign in as an administrator and connect it from Settings → Sync.',
    );
  }
  if (mode === 'first' && !setUp) throw new ApiError('SETUP_REQUIRED', 'Set up this desk first.');

  const transport = transportFor(serverUrl, fingerprint);
  const enrolled = await askEnrol<EnrolResponse>(transport, {
    method: 'POST',
    path: '/v1/enrol',
    body: { code: input.code.trim(), deviceName: input.deviceName || hostname().slice(0, 60) || 'Front Desk' },
    timeoutMs: ENROL_TIMEOUT_MS,
  });
  const token = `Bearer ${enrolled.deviceId}.${enrolled.secret}`;
  // The merged rows, not the log: a compacted log may be empty while the clinic has data.
  const page = await askEnrol<SnapshotResponse>(transport, {
    method: 'GET',
    path: '/v1/snapshot?limit=1',
    authorization: token,
    timeoutMs: ENROL_TIMEOUT_MS,
  });
  const hasData = page.rows.length > 0;
  if (hasData && setUp) {
    throw new ApiError(
      'CONFLICT',
      `${enrolled.clinicName} already has data on the server, so this desk, which has its own, cannot join it (the two would mix). Connect a new Front Desk that has not been set up; it takes the clinic's data from the server. The code is used up: make a new one.`,
    );
  }
  if (!hasData && !setUp) {
    throw new ApiError(
      'CONFLICT',
      `${enrolled.clinicName} has no data on the server yet. Set up one desk and connect it first (it sends its data); then join this one. The code is used up: make a new one.`,
    );
  }

  const runtime = database.sync;
  const deviceBefore = runtime.deviceId;
  const clockBefore = runtime.clock;
  let queued = 0;
  try {
    await database.db.transaction().execute(async (trx) => {
      const now = clock();
      runtime.deviceId = enrolled.deviceId;
      saveEnrolment(
        handle,
        { deviceId: enrolled.deviceId, clinicId: enrolled.clinicId, serverUrl, fingerprint, secret: enrolled.secret },
        now,
      );
      restampOutbox(handle, enrolled.deviceId);
      restartAuditQueue(handle);
      saveDeskCode(handle, enrolled.deskCode, now);
      if (mode === 'join') runtime.withoutCapture(() => clearSyncedRows(handle));
      // The first desk pulls the (empty) log from its start; a new desk, no cursor yet, starts from the snapshot.
      if (mode === 'first') queued = enqueueSnapshot(handle, () => runtime.nextStamp(), randomUUID);
      if (mode === 'first') saveCursor(handle, '', now);
      saveClock(handle, runtime.clock, now);
      await appendAudit(trx, {
        at: now,
        actorUserId: actor.userId,
        actorUsername: actor.username,
        action: mode === 'first' ? 'sync.enrol' : 'sync.join',
        targetType: 'sync-server',
        targetId: enrolled.deviceId,
        outcome: 'ok',
        details: { serverUrl, fingerprint, clinicId: enrolled.clinicId, clinicName: enrolled.clinicName, queued },
      });
    });
  } catch (error) {
    runtime.deviceId = deviceBefore;
    runtime.clock = clockBefore;
    throw error;
  }
  return enrolled;
}
