import { createHash } from 'node:crypto';
import type { ReminderClaim } from '../../../src-shared/sync/protocol';

/**
 * Who sends a reminder when several desks share a clinic (issue 17). Every desk plans the same outbox
 * rows (same ids, `plannedReminderId`); before sending, a connected desk asks the server to claim them,
 * and sends only those granted to it. A desk on its own (never connected) sends alone, as before.
 */
export interface ReminderClaims {
  /**
   * `standalone`: this desk is not connected to a server, it sends alone. `offline`: connected but the
   * server did not answer (or refused this desk): send nothing, try again at the next sweep. Else one
   * answer per id asked.
   */
  claim(ids: readonly string[], leaseMs: number): Promise<Map<string, ReminderClaim> | 'standalone' | 'offline'>;
  /** The sweep found nothing due: nothing is held for want of a claim. */
  nothingDue(): void;
  /** What came of granted claims; kept and sent again with the next request when the server does not answer. */
  settle(results: readonly ReminderSettlement[]): Promise<void>;
}

export interface ReminderSettlement {
  id: string;
  outcome: 'sent' | 'failed' | 'retry';
  at: number;
  retryInMs?: number;
}

/**
 * An outbox row's id from its plan key (appointment, channel, offset, planned start): two desks
 * planning the same reminder make the same row, so it merges as one and is claimed as one. The
 * layout of a UUID (version 8, "custom"), from SHA-256.
 */
export function plannedReminderId(appointmentId: string, channel: string, offsetMinutes: number, startAt: number) {
  const hex = createHash('sha256')
    .update(`reminder\u0000${appointmentId}\u0000${channel}\u0000${offsetMinutes}\u0000${startAt}`)
    .digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
