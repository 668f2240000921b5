import type { SyncStatus } from '../../../../src-shared/api/areas/sync';

/** "Online · synced 2 min ago · 3 waiting", "Offline · 3 waiting", "Not connected": words, not colour. */
export function describeSync(status: SyncStatus, now: number): string {
  if (!status.enrolled) return 'Not connected';
  const parts: string[] = [
    status.state === 'online' ? 'Online' : status.state === 'offline' ? 'Offline' : 'Connecting',
  ];
  if (status.lastSyncedAt !== null) {
    const minutes = Math.floor((now - status.lastSyncedAt) / 60_000);
    parts.push(minutes < 1 ? 'synced just now' : `synced ${minutes} min ago`);
  }
  if (status.waiting > 0) parts.push(`${status.waiting} waiting`);
  if (status.rejectedCount > 0) parts.push(`${status.rejectedCount} refused`);
  if (status.clockWarning) parts.push('clock far off');
  return parts.join(' · ');
}
