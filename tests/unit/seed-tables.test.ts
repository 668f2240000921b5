import { describe, expect, it } from 'vitest';
import { SEED_LEFT_OUT, SEED_LOCAL_TABLES, unplacedLocalTables } from '../../src-main/core/sync/seed-tables';
import { LOCAL_TABLES } from '../../src-shared/sync/tables';

/**
 * A new desk's starting copy (src-main/core/sync/seed-file-repository.ts) holds every synced table and
 * those of a desk's own tables that are the same wherever the same rows are. A table added later must be
 * placed on purpose: copied (a cache or clock) or left out (the desk's identity, its outbox, its chain).
 */
describe("what a new desk's starting copy holds", () => {
  it('places every local table: in the copy, or left out with a reason', () => {
    expect(unplacedLocalTables()).toEqual([]);
  });

  it('names no table twice and none that is not a local table', () => {
    const copied = Object.keys(SEED_LOCAL_TABLES);
    const left = Object.keys(SEED_LEFT_OUT);
    expect(copied.filter((name) => left.includes(name))).toEqual([]);
    expect([...copied, ...left].filter((name) => !(name in LOCAL_TABLES))).toEqual([]);
  });

  it("never copies a desk's identity, outbox, own audit chain or number series", () => {
    for (const name of ['sync_state', 'sync_changes', 'audit_log', 'mrn_series', 'invoice_series', 'billing_desk']) {
      expect(SEED_LEFT_OUT).toHaveProperty(name);
    }
  });
});
