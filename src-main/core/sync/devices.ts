import type { ClinicDevices, EnrolmentCode } from '../../../src-shared/api/areas/devices';
import { ApiError } from '../../../src-shared/api/errors';
import type {
  DevicesResponse,
  EnrolCodeResponse,
  RenameResponse,
  RevokeResponse,
} from '../../../src-shared/sync/protocol';
import type { Actor } from '../actor';
import { appendAudit } from '../audit/repository';
import type { SyncClient } from './client';
import { readEnrolment } from './client-repository';
import { ask, SyncServerError } from './client-requests';
import type { SyncRequest } from './transport';

const TIMEOUT_MS = 10_000;

/**
 * The Devices screen's requests (issue 17): this desk asks the clinic's server, as itself and naming the
 * signed-in administrator; the server checks `users:manage` again. Failures become messages for the
 * screen: not connected, no answer, refused (with the server's reason).
 */
async function askAsDesk<T>(client: SyncClient, actor: Actor, call: Omit<SyncRequest, 'timeoutMs'>): Promise<T> {
  const enrolment = readEnrolment(client.deps.database.handle);
  if (enrolment.clinicId === null || enrolment.serverUrl === null || enrolment.secret === null) {
    throw new ApiError('CONFLICT', 'This desk is not connected to a sync server: connect it on Settings → Sync.');
  }
  if (actor.userId === null) throw new ApiError('FORBIDDEN', 'Sign in first.');
  const transport = client.transportFor(enrolment.serverUrl, enrolment.fingerprint);
  try {
    return await ask<T>(transport, {
      ...call,
      authorization: `Bearer ${enrolment.deviceId}.${enrolment.secret}`,
      timeoutMs: TIMEOUT_MS,
    });
  } catch (error) {
    if (!(error instanceof SyncServerError)) {
      const why = error instanceof Error ? error.message : String(error);
      throw new ApiError('CONFLICT', `The sync server did not answer: ${why}`);
    }
    if (error.status === 401) {
      throw new ApiError('FORBIDDEN', `The server no longer knows this desk (revoked?): ${error.message}`);
    }
    const code = error.status === 404 ? 'NOT_FOUND' : error.status === 403 ? 'FORBIDDEN' : 'CONFLICT';
    throw new ApiError(code, `The server refused: ${error.message}`);
  }
}

/** One audit entry on this desk for what the server did, in a short transaction of its own. */
async function audit(client: SyncClient, actor: Actor, action: string, targetId: string, details: object) {
  const { database, clock } = client.deps;
  await database.db.transaction().execute((trx) =>
    appendAudit(trx, {
      at: clock(),
      actorUserId: actor.userId,
      actorUsername: actor.username,
      action,
      targetType: 'device',
      targetId,
      outcome: 'ok',
      details: { ...details },
    }),
  );
}

export async function listDevices(client: SyncClient, actor: Actor): Promise<ClinicDevices> {
  const answer = await askAsDesk<DevicesResponse>(client, actor, {
    method: 'GET',
    path: `/v1/devices?userId=${encodeURIComponent(actor.userId ?? '')}`,
  });
  const thisDeviceId = readEnrolment(client.deps.database.handle).deviceId;
  return { clinicName: answer.clinicName, thisDeviceId, devices: answer.devices };
}

export async function makeEnrolmentCode(client: SyncClient, actor: Actor, hours: number): Promise<EnrolmentCode> {
  const answer = await askAsDesk<EnrolCodeResponse>(client, actor, {
    method: 'POST',
    path: '/v1/enrol-codes',
    body: { userId: actor.userId, hours },
  });
  const enrolment = readEnrolment(client.deps.database.handle);
  // The code itself is never audited: it is a credential until used.
  await audit(client, actor, 'devices.enrolCode', enrolment.deviceId, { hours, expiresAt: answer.expiresAt });
  return {
    code: answer.code,
    clinicName: answer.clinicName,
    expiresAt: answer.expiresAt,
    serverUrl: enrolment.serverUrl ?? '',
    fingerprint: enrolment.fingerprint,
  };
}

export async function revokeDevice(
  client: SyncClient,
  actor: Actor,
  deviceId: string,
): Promise<{ deviceId: string; revoked: boolean }> {
  if (deviceId === readEnrolment(client.deps.database.handle).deviceId) {
    throw new ApiError(
      'CONFLICT',
      'This is this desk: revoke it from another desk or on the server (it could not sync again).',
    );
  }
  const answer = await askAsDesk<RevokeResponse>(client, actor, {
    method: 'POST',
    path: '/v1/revoke',
    body: { deviceId, userId: actor.userId },
  });
  await audit(client, actor, 'devices.revoke', deviceId, { revoked: answer.revoked });
  return { deviceId: answer.deviceId, revoked: answer.revoked };
}

/** Names a device of the clinic (this desk too) as people know it: "Reception 1", "Nurse station". */
export async function renameDevice(
  client: SyncClient,
  actor: Actor,
  deviceId: string,
  name: string,
): Promise<{ deviceId: string; name: string }> {
  const answer = await askAsDesk<RenameResponse>(client, actor, {
    method: 'POST',
    path: '/v1/rename',
    body: { deviceId, userId: actor.userId, name },
  });
  await audit(client, actor, 'devices.rename', deviceId, { name: answer.name });
  return answer;
}
