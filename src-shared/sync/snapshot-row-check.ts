import { snapshotRowSchema, type SnapshotRow } from './protocol';
import { isHlc, isKeyPart, isName, isObject, isValue } from './quick-values';

/**
 * A snapshot row checked as `snapshotRowSchema` checks it, without zod for the rows that pass: zod
 * spent ~190 µs a row of the bench's appointments (two dozen columns, each with its value and stamp),
 * more than fetching it, so a page of 2,000 cost 0.4 s of the desk's staging. Every rule below is the
 * schema's, and a row this check refuses is handed to zod, so what is accepted or refused is the
 * schema's answer (tests/unit/sync-snapshot-row-check.test.ts compares the two).
 */
const ROW_KEYS = ['table', 'key', 'values', 'columnHlc', 'deletedHlc', 'fullHlc'];

export function quickCheck(row: unknown): row is SnapshotRow {
  if (!isObject(row)) return false;
  const keys = Object.keys(row);
  const compact = Object.hasOwn(row, 'columnsAtFull');
  if (compact && (row.columnsAtFull !== true || row.fullHlc === null)) return false;
  if (keys.length !== ROW_KEYS.length + (compact ? 1 : 0) || !ROW_KEYS.every((k) => Object.hasOwn(row, k)))
    return false;
  const { table, key, values, columnHlc, deletedHlc, fullHlc } = row;
  if (!isName(table) || !Array.isArray(key) || key.length < 1 || key.length > 4 || !key.every(isKeyPart)) return false;
  if (!isObject(values) || !isObject(columnHlc)) return false;
  for (const [column, value] of Object.entries(values)) if (!isName(column) || !isValue(value)) return false;
  for (const [column, stamp] of Object.entries(columnHlc)) if (!isName(column) || !isHlc(stamp)) return false;
  return (deletedHlc === null || isHlc(deletedHlc)) && (fullHlc === null || isHlc(fullHlc));
}

/** The row if it is a snapshot row (as the schema says), else null. */
export function snapshotRowOrNull(row: unknown): SnapshotRow | null {
  if (quickCheck(row)) return row;
  const parsed = snapshotRowSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}
