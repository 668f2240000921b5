import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src-main/core/audit/repository';
import { openDatabase, type ClinicDatabase } from '../../src-main/core/db/open';
import { sql } from 'kysely';
import { insertRow, preparedRead, updateRowById } from '../../src-main/core/db/prepared';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

/**
 * Queries compiled once (src-main/core/db/prepared.ts) must answer exactly as the same query built
 * afresh: each call's values in the places their placeholders took, the builder's own constants kept,
 * on a real encrypted database.
 */

let folder: TempFolder;
let database: ClinicDatabase;
const at = Date.UTC(2026, 11, 3, 9);

beforeAll(async () => {
  folder = tempFolder();
  database = openDatabase({ file: folder.file, key: folder.key, create: true, now: at });
  const actions = ['patients.create', 'appointments.book', 'patients.create', 'patients.create', 'appointments.book'];
  for (const [index, action] of actions.entries())
    await database.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, { at: at + index, actorUserId: null, actorUsername: `user${index}`, action, outcome: 'ok' }),
      );
});

afterAll(async () => {
  await database.close();
  folder.remove();
});

describe('a query compiled once', () => {
  let builds = 0;
  const byAction = preparedRead((db, v: { action: string; afterSeq: number }) => {
    builds += 1;
    return db
      .selectFrom('audit_log')
      .select(['seq', 'action', 'actor_username'])
      .where('action', '=', v.action)
      .where('seq', '>', v.afterSeq)
      .orderBy('seq')
      .limit(2);
  });

  it('answers each call with its own values and keeps the limit it was built with', async () => {
    const creates = await byAction(database.db, { action: 'patients.create', afterSeq: 0 });
    const books = await byAction(database.db, { action: 'appointments.book', afterSeq: 2 });
    // The values swapped: the second call must not reuse the first one's action or bound.
    const later = await byAction(database.db, { action: 'patients.create', afterSeq: 2 });
    const entries = await database.db.selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute();
    const seqsOf = (action: string, after: number) =>
      entries.filter((e) => e.action === action && e.seq > after).map((e) => e.seq);
    expect(creates.map((row) => row.seq)).toEqual(seqsOf('patients.create', 0).slice(0, 2));
    expect(creates).toHaveLength(2);
    expect(books.map((row) => row.seq)).toEqual(seqsOf('appointments.book', 2));
    expect(later.map((row) => row.seq)).toEqual(seqsOf('patients.create', 2).slice(0, 2));
    expect(creates[0]).toMatchObject({ action: 'patients.create', actor_username: 'user0' });
  });

  it('is built once however often it runs', async () => {
    const before = builds;
    await byAction(database.db, { action: 'patients.create', afterSeq: 1 });
    await byAction(database.db, { action: 'appointments.book', afterSeq: 1 });
    expect(builds - before).toBe(0);
    expect(builds).toBe(1);
  });

  it('writes each value to its own column: the audit chain written by prepared inserts verifies', async () => {
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((row) => [row.actor_username, row.created_at])).toEqual(
      rows.map((_row, index) => [`user${index}`, at + index]),
    );
    const verified = await verifyAuditChain(database.db);
    expect(verified.ok).toBe(true);
    expect(verified.checked).toBe(rows.length);
  });
});

describe('rows inserted and updated by column set', () => {
  const locations = () => database.db.selectFrom('locations').selectAll().orderBy('name').execute();

  it('inserts rows with different columns given, each value in its own column', async () => {
    await database.db.transaction().execute(async (trx) => {
      await insertRow(trx, 'locations', {
        id: 'loc-a',
        name: 'Annex',
        address: '1 High St',
        created_at: 1,
        updated_at: 2,
      });
      await insertRow(trx, 'locations', { id: 'loc-b', name: 'Branch', created_at: 3, updated_at: 4 });
      await insertRow(trx, 'locations', { id: 'loc-c', name: 'Centre', address: null, created_at: 5, updated_at: 6 });
    });
    expect(await locations()).toEqual([
      { id: 'loc-a', name: 'Annex', address: '1 High St', created_at: 1, updated_at: 2, deleted_at: null },
      { id: 'loc-b', name: 'Branch', address: null, created_at: 3, updated_at: 4, deleted_at: null },
      { id: 'loc-c', name: 'Centre', address: null, created_at: 5, updated_at: 6, deleted_at: null },
    ]);
  });

  it('updates only the row with that id, only the columns given', async () => {
    await database.db.transaction().execute(async (trx) => {
      await updateRowById(trx, 'locations', 'loc-b', { address: '2 Low Rd', updated_at: 10 });
      await updateRowById(trx, 'locations', 'loc-c', { name: 'Centre North', updated_at: 11 });
    });
    const rows = await locations();
    expect(rows.find((row) => row.id === 'loc-a')).toMatchObject({ address: '1 High St', updated_at: 2 });
    expect(rows.find((row) => row.id === 'loc-b')).toMatchObject({
      name: 'Branch',
      address: '2 Low Rd',
      updated_at: 10,
    });
    expect(rows.find((row) => row.id === 'loc-c')).toMatchObject({
      name: 'Centre North',
      address: null,
      updated_at: 11,
    });
  });

  it('refuses a SQL expression, which would otherwise be stored as a value', async () => {
    await expect(
      database.db
        .transaction()
        .execute((trx) => updateRowById(trx, 'locations', 'loc-a', { name: sql<string>`upper(name)` as never })),
    ).rejects.toThrow(/name: a prepared insert or update takes plain values/);
    expect((await locations()).find((row) => row.id === 'loc-a')?.name).toBe('Annex');
  });
});
