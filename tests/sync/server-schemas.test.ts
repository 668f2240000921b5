import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { countFor } from '../../src-server/db/repository';
import { dropSchema, freshDatabase, pgSkipReason } from './server-helpers';

// Two servers in two schemas of one PostgreSQL database (as the test files run side by side, or a
// clinic's PostgreSQL shared with another application that uses Kysely's migrator).
describe.skipIf(pgSkipReason !== null)('server databases in schemas of one PostgreSQL', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it("migrates a second schema while another schema's migration tables exist", async () => {
    const first = await freshDatabase('postgres', `sync_test_${randomBytes(6).toString('hex')}`);
    schemas.push(first.schema);
    // Before the fix the second open took the first schema's kysely_migration for its own and failed
    // with "relation kysely_migration_lock does not exist".
    const second = await freshDatabase('postgres', `sync_test_${randomBytes(6).toString('hex')}`);
    schemas.push(second.schema);
    try {
      expect(await countFor(second.opened.db, 'changes', null)).toBe(0);
      expect(await countFor(first.opened.db, 'changes', null)).toBe(0);
    } finally {
      await first.opened.close();
      await second.opened.close();
    }
  });
});
