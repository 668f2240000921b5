import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor } from '../../src-server/db/repository';
import {
  call,
  change,
  enrolDesk,
  freshDatabase,
  fullRow,
  newCode,
  pushChanges,
  startServer,
  type Desk,
  type TestServer,
} from './server-helpers';

// Whatever a device sends, the server answers with a refusal it names, never a failure of its own.
describe('sync server under random input (PGlite)', () => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let desk: Desk;

  beforeAll(async () => {
    const db = await freshDatabase('pglite');
    drop = db.drop;
    server = await startServer(db.opened);
    desk = await enrolDesk(server.url, await newCode(db.opened, 'Fuzz Clinic'), 'Desk');
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await drop();
  });

  it('random bodies and random changes: never a 500, and nothing refused is applied', async () => {
    const runs = Number(process.env.SYNC_FUZZ_RUNS ?? 60);
    const id = randomUUID();
    const mutated = fc.record({
      table: fc.constantFrom('patients', 'stock_movements', 'users', 'nope', ''),
      key: fc.oneof(
        fc.constant([id]),
        fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double())),
        fc.anything({ stringUnit: 'binary' }),
      ),
      op: fc.oneof(fc.constantFrom('upsert', 'delete'), fc.string()),
      values: fc.oneof(
        fc.constant(fullRow('patients', [id])),
        fc.dictionary(
          fc.constantFrom('first_name', 'active', 'dob', 'x', 'id'),
          fc.jsonValue({ stringUnit: 'binary' }),
        ),
        fc.anything(),
      ),
      userId: fc.oneof(fc.constant(null), fc.string({ unit: 'binary' }), fc.integer()),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything({ stringUnit: 'binary' }), fc.array(mutated, { minLength: 1, maxLength: 5 })),
        async (input) => {
          const before = await countFor(server.opened.db, 'changes', desk.clinicId);
          let status: number;
          let accepted = 0;
          if (Array.isArray(input)) {
            const changes = input.map((m) => ({ ...change(desk, 'patients', [id], {}), ...(m as object) }));
            const answer = await pushChanges(server.url, desk, changes);
            status = answer.status;
            accepted = answer.body.results?.filter((r) => r.status === 'accepted').length ?? 0;
          } else {
            const rawBody = JSON.stringify(input) ?? 'undefined';
            status = (await call(server.url, 'POST', '/v1/push', { token: desk.token, rawBody })).status;
          }
          expect([200, 400, 413]).toContain(status);
          expect(await countFor(server.opened.db, 'changes', desk.clinicId)).toBe(before + accepted);
        },
      ),
      { numRuns: runs },
    );
  }, 120_000);
});
