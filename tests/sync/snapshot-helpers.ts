import { randomUUID } from 'node:crypto';
import type { Core } from '../../src-main/core/app';
import { stagePage } from '../../src-main/core/sync/bootstrap-repository';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import type { SnapshotRow, SyncValue } from '../../src-shared/sync/protocol';

function travelling(value: unknown): SyncValue {
  if (Buffer.isBuffer(value)) return { b64: value.toString('base64') };
  return value as SyncValue;
}

/** Every synced row of the clinic, whole, at one stamp: what the server's snapshot of it would hold. */
export function snapshotOf(core: Core): SnapshotRow[] {
  const stamp = `${String(Date.now() - 60_000).padStart(15, '0')}:000000:${randomUUID()}`;
  const rows: SnapshotRow[] = [];
  for (const [table, spec] of Object.entries(SYNCED_COLUMNS)) {
    const columns = spec.columns.map((c) => c.name);
    const select = core.database.handle.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`);
    for (const raw of select.all() as Record<string, unknown>[]) {
      const values = Object.fromEntries(columns.map((c) => [c, travelling(raw[c])]));
      rows.push({
        table,
        key: spec.key.map((c) => values[c]) as (string | number)[],
        values,
        columnHlc: Object.fromEntries(columns.map((c) => [c, stamp])),
        deletedHlc: null,
        fullHlc: stamp,
      });
    }
  }
  return rows;
}

/** The whole snapshot staged as one downloaded page, as the download leaves it before the merge. */
export async function stageSnapshot(core: Core, rows: readonly SnapshotRow[]): Promise<void> {
  const progress = {
    clinicId: 'c',
    cursor: 'c:1',
    next: null,
    complete: true,
    pages: 1,
    rows: rows.length,
    serverTime: null,
  };
  await core.database.db.transaction().execute(async () => {
    stagePage(core.database.handle, rows, progress, Date.now());
    await Promise.resolve();
  });
}
