import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src-main/core/audit/repository';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

async function clinicWithHistory(): Promise<TestClinic> {
  const c = await openTestClinic();
  await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (const minutes of [11, 12, 13, 14]) await c.ok('admin', 'settings.update', { lockTimeoutMinutes: minutes });
  return c;
}

describe('the audit log', () => {
  it('is append-only: the database refuses to update or delete an entry', async () => {
    clinic = await clinicWithHistory();
    const { handle } = clinic.core.database;
    expect(() => handle.exec("UPDATE audit_log SET action = 'nothing' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => handle.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  it('verifies an intact chain', async () => {
    clinic = await clinicWithHistory();
    expect(await clinic.ok('admin', 'audit.verify', {})).toMatchObject({ ok: true, checked: 6, head: { seq: 6 } });
  });

  it('finds the first entry edited behind its back (triggers dropped to do it)', async () => {
    clinic = await clinicWithHistory();
    const { handle, db } = clinic.core.database;
    handle.exec(`
      DROP TRIGGER audit_log_no_update;
      UPDATE audit_log SET details = '{"lockTimeoutMinutes":{"from":10,"to":240}}' WHERE seq = 3;
    `);
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      checked: 2,
      brokenAtSeq: 3,
      reason: 'entry 3 was changed after it was written (its keyed hash does not match)',
    });
  });

  it('finds a deleted entry in the middle', async () => {
    clinic = await clinicWithHistory();
    const { handle, db } = clinic.core.database;
    handle.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 4;');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtSeq: 4, reason: 'entry 4 is missing' });
  });

  it('verifies from an entry already verified on: the entries after it must link to the head it was given', async () => {
    clinic = await clinicWithHistory();
    const { handle, db } = clinic.core.database;
    const first = await verifyAuditChain(db);
    if (!first.head) throw new Error('no head');
    const verifiedUpTo4 = await verifyAuditChain(db, { seq: 4, hash: rowHash(4) });
    expect(verifiedUpTo4).toMatchObject({ ok: true, checked: 2, head: first.head });
    // A head that is not the one the chain holds: the next entry does not link to it.
    expect(await verifyAuditChain(db, { seq: 4, hash: rowHash(5) })).toMatchObject({
      ok: false,
      checked: 0,
      brokenAtSeq: 5,
      reason: 'entry 5 does not link to the entry before it',
    });
    handle.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'x' WHERE seq = 6;`);
    expect(await verifyAuditChain(db, { seq: 4, hash: rowHash(4) })).toMatchObject({ ok: false, brokenAtSeq: 6 });

    function rowHash(seq: number): string {
      return (handle.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(seq) as { hash: string }).hash;
    }
  });

  it('lists entries newest first with filters and pages', async () => {
    clinic = await clinicWithHistory();
    const page = await clinic.ok('admin', 'audit.list', { action: 'settings', limit: 3 });
    expect(page.entries.map((entry) => entry.details)).toEqual([
      { lockTimeoutMinutes: { from: 13, to: 14 } },
      { lockTimeoutMinutes: { from: 12, to: 13 } },
      { lockTimeoutMinutes: { from: 11, to: 12 } },
    ]);
    expect(page.nextBeforeSeq).not.toBeNull();
    const rest = await clinic.ok('admin', 'audit.list', {
      action: 'settings',
      limit: 3,
      beforeSeq: page.nextBeforeSeq ?? undefined,
    });
    expect(rest.entries).toHaveLength(1);
    expect(rest.nextBeforeSeq).toBeNull();
    const byActor = await clinic.ok('admin', 'audit.list', { actor: 'nobody', limit: 10 });
    expect(byActor.entries).toEqual([]);
  });
});
