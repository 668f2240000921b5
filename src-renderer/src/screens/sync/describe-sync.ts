import type { SyncStatus } from '../../../../src-shared/api/areas/sync';
import { translateMessage } from '../../../../src-shared/refusals/translate';
import { i18next } from '../../i18n';

/** Why the last round failed, in the screen's language (main words it in English, like its refusals). */
export function lastErrorText(status: Pick<SyncStatus, 'lastError'>): string | null {
  if (!status.lastError) return null;
  return i18next.language === 'es' ? translateMessage(status.lastError, 'es') : status.lastError;
}

/** "Online · synced 2 min ago · 3 waiting", "Offline · 3 waiting", "Not connected": words, not colour. */
export function describeSync(status: SyncStatus, now: number): string {
  if (!status.enrolled) return i18next.t('sync:describe-sync.notConnected');
  const parts: string[] = [
    status.state === 'online'
      ? i18next.t('sync:describe-sync.online')
      : status.state === 'offline'
        ? i18next.t('sync:describe-sync.offline')
        : i18next.t('sync:describe-sync.connecting'),
  ];
  if (status.lastSyncedAt !== null) {
    const minutes = Math.floor((now - status.lastSyncedAt) / 60_000);
    parts.push(
      minutes < 1
        ? i18next.t('sync:describe-sync.syncedJustNow')
        : i18next.t('sync:describe-sync.syncedMinAgo', { minutes }),
    );
  }
  if (status.waiting > 0) parts.push(i18next.t('sync:describe-sync.waiting', { waiting: status.waiting }));
  if (status.rejectedCount > 0)
    parts.push(i18next.t('sync:describe-sync.refused', { rejectedCount: status.rejectedCount }));
  if (status.clockWarning) parts.push(i18next.t('sync:describe-sync.clockFarOff'));
  const copy = status.bootstrap?.copy;
  if (status.bootstrap?.state === 'running' && copy)
    parts.push(
      i18next.t('sync:describe-sync.bootstrappingCopy', {
        received: Math.floor(copy.bytes / 2 ** 20),
        size: Math.ceil(copy.size / 2 ** 20),
      }),
    );
  else if (status.bootstrap?.state === 'running')
    parts.push(i18next.t('sync:describe-sync.bootstrapping', { rows: status.bootstrap.rows }));
  if (status.bootstrap?.state === 'interrupted')
    parts.push(i18next.t('sync:describe-sync.bootstrapInterrupted', { rows: status.bootstrap.rows }));
  return parts.join(' · ');
}

/**
 * Said once this desk started from the clinic's snapshot rather than the server's history: a new desk,
 * or one away longer than the server keeps history (its unsent changes were kept); null otherwise.
 */
export function bootstrapSentence(status: SyncStatus): string | null {
  const bootstrap = status.bootstrap;
  if (!status.enrolled || !bootstrap || bootstrap.state !== 'done') return null;
  if (bootstrap.copy) return i18next.t('sync:describe-sync.bootstrappedCopy', { rows: bootstrap.rows });
  return i18next.t(
    bootstrap.reason === 'compacted' ? 'sync:describe-sync.rebootstrapped' : 'sync:describe-sync.bootstrapped',
    {
      rows: bootstrap.rows,
    },
  );
}

/**
 * Said when this connected desk holds due reminders because the server could not be asked to claim
 * them (each reminder goes out from one desk only); null when it holds none.
 */
export function remindersHeldSentence(status: SyncStatus): string | null {
  if (!status.enrolled || status.remindersHeld === 0) return null;
  return i18next.t('sync:describe-sync.remindersHeld', { count: status.remindersHeld });
}
