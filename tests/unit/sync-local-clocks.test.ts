import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import { foldOutbox } from '../../src-main/core/sync/repository';
import { foldLocalWrites, localClocksOf, wroteTo } from '../../src-main/core/sync/local-clocks-repository';
import { openTestClinic, type TestClinic } from '../helpers/temp-core';

/**
 * The merge asks what this desk itself last wrote to a row: per column, when the row was last made
 * whole, when deleted. It read every captured change of the row from the outbox (through a (table, key)
 * index every write paid for); now it reads `sync_local_clocks`, folded from the outbox when a merge
 * needs it (migration 0046). After any sequence of captured writes, folds and emptied outboxes, the
 * folded clocks must say what reading the outbox would.
 */
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await openTestClinic();
});
afterAll(async () => {
  await clinic.close();
});

const COLUMNS = SYNCED_COLUMNS.patients.columns.map((column) => column.name);
/** A partial write never names the key (that is a re-key: a delete and a whole row) and never names
 * nothing: the update trigger captures only when some column changed (`WHERE v <> '{}'`). */
const NON_KEY_COLUMNS = COLUMNS.filter((name) => name !== 'id');
const KEYS = ['["k0"]', '["k1"]', '["k2"]'];

type Step =
  | { kind: 'full' | 'partial'; key: number; hlc: number; columns: string[] }
  | { kind: 'delete'; key: number; hlc: number }
  | { kind: 'fold' }
  | { kind: 'copied' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('full' as const, 'partial' as const),
    key: fc.nat(2),
    hlc: fc.nat(999),
    columns: fc.subarray(NON_KEY_COLUMNS, { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), key: fc.nat(2), hlc: fc.nat(999) }),
  fc.constant({ kind: 'fold' as const }),
  fc.constant({ kind: 'copied' as const }),
);

/** The old reading: every change of the row in the outbox. */
function fromOutbox(keyJson: string) {
  const rows = clinic.core.database.handle
    .prepare(
      "SELECT op, values_json, hlc FROM sync_changes WHERE table_name = 'patients' AND key_json = ? ORDER BY seq",
    )
    .all(keyJson) as { op: string; values_json: string; hlc: string }[];
  const columns = new Map<string, string>();
  let birth: string | null = null;
  let deleted: string | null = null;
  const max = (a: string | null, b: string) => (a === null || b > a ? b : a);
  for (const row of rows) {
    if (row.op === 'delete') {
      deleted = max(deleted, row.hlc);
      continue;
    }
    const names = Object.keys(JSON.parse(row.values_json) as object);
    if (names.length === COLUMNS.length) birth = max(birth, row.hlc);
    for (const name of names) columns.set(name, max(columns.get(name) ?? null, row.hlc));
  }
  return { columns, birth, deleted };
}

const stampOf = (n: number) => `${String(1_764_800_000_000 + n).padStart(15, '0')}:000000:dev`;

describe('this desk’s own clocks, folded from its outbox', () => {
  it('say what every captured change of the row says, after any writes, folds and emptied outboxes', () => {
    const handle = clinic.core.database.handle;
    const insert = handle.prepare(
      "INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc) VALUES (lower(hex(randomblob(16))), 'patients', ?, ?, ?, ?)",
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        handle.transaction(() => {
          foldOutbox(handle);
          for (const s of steps) {
            if (s.kind === 'fold') foldLocalWrites(handle);
            else if (s.kind === 'copied') foldOutbox(handle);
            else if (s.kind === 'delete') insert.run(KEYS[s.key], 'delete', '{}', stampOf(s.hlc));
            else {
              const names = s.kind === 'full' ? COLUMNS : s.columns;
              insert.run(
                KEYS[s.key],
                'upsert',
                JSON.stringify(Object.fromEntries(names.map((n) => [n, 1]))),
                stampOf(s.hlc),
              );
            }
          }
          for (const key of KEYS) expect(localClocksOf(handle, 'patients', key)).toEqual(fromOutbox(key));
          const written = handle.prepare("SELECT 1 FROM sync_changes WHERE table_name = 'patients' LIMIT 1").get();
          expect(wroteTo(handle, 'patients')).toBe(written !== undefined);
        })();
      }),
      { numRuns: 150 },
    );
  });
});
