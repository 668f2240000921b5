import type { ReminderClaim, ReminderClaimResponse, ReminderSettleResponse } from '../../../src-shared/sync/protocol';
import type { ReminderClaims, ReminderSettlement } from '../reminders/claims';
import type { SyncClient } from './client';
import { readEnrolment } from './client-repository';
import { ask } from './client-requests';

const TIMEOUT_MS = 10_000;

/**
 * The reminder sweep's claims through the clinic's server (issue 17): a desk that is not enrolled is
 * `standalone`; an enrolled desk the server does not answer (or no longer knows) is `offline` and sends
 * nothing. Results the server did not take are kept and sent before the next claim.
 */
export class ServerReminderClaims implements ReminderClaims {
  #unsettled: ReminderSettlement[] = [];

  constructor(private readonly client: () => SyncClient) {}

  async claim(ids: readonly string[], leaseMs: number): Promise<Map<string, ReminderClaim> | 'standalone' | 'offline'> {
    const request = this.#requester();
    if (!request) return 'standalone';
    const held = this.client().heldReminders;
    try {
      await this.#flush(request);
      const answer = await request<ReminderClaimResponse>('/v1/reminders/claim', { ids, leaseMs });
      held.note(0);
      return new Map(answer.claims.map((claim) => [claim.id, claim]));
    } catch {
      held.note(ids.length);
      return 'offline';
    }
  }

  nothingDue(): void {
    this.client().heldReminders.note(0);
  }

  async settle(results: readonly ReminderSettlement[]): Promise<void> {
    this.#unsettled.push(...results);
    const request = this.#requester();
    if (!request) return;
    await this.#flush(request).catch(() => undefined);
  }

  async #flush(request: Requester): Promise<void> {
    while (this.#unsettled.length > 0) {
      const batch = this.#unsettled.slice(0, 200);
      await request<ReminderSettleResponse>('/v1/reminders/settle', { results: batch });
      this.#unsettled.splice(0, batch.length);
    }
  }

  #requester(): Requester | null {
    const client = this.client();
    const enrolment = readEnrolment(client.deps.database.handle);
    if (enrolment.clinicId === null || enrolment.serverUrl === null || enrolment.secret === null) return null;
    const transport = client.transportFor(enrolment.serverUrl, enrolment.fingerprint);
    const authorization = `Bearer ${enrolment.deviceId}.${enrolment.secret}`;
    return (path, body) => ask(transport, { method: 'POST', path, body, authorization, timeoutMs: TIMEOUT_MS });
  }
}

type Requester = <T>(path: string, body: unknown) => Promise<T>;
