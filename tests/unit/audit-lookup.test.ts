import { afterEach, describe, expect, it } from 'vitest';
import { FILL_EVERY } from '../../src-main/core/audit/lookup-repository';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

interface Filter {
  actor?: string;
  action?: string;
  outcome?: 'ok' | 'denied' | 'failed';
  from?: number;
  to?: number;
}

/** Every page of `audit.list` for the filter, followed back to the first entry: the seqs listed. */
async function listedSeqs(c: TestClinic, filter: Filter): Promise<number[]> {
  const seqs: number[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await c.ok('admin', 'audit.list', { ...filter, limit: 7, beforeSeq });
    seqs.push(...page.entries.map((entry) => entry.seq));
    if (page.nextBeforeSeq === null) return seqs;
    beforeSeq = page.nextBeforeSeq;
  }
}

/** The same question asked of the log itself, the truth the lists must match. */
function logSeqs(c: TestClinic, filter: Filter, upTo: number): number[] {
  const terms = ['seq <= @upTo'];
  if (filter.actor) terms.push('actor_username = lower(@actor)');
  if (filter.action) terms.push("action LIKE @action || '%'");
  if (filter.outcome) terms.push('outcome = @outcome');
  if (filter.from !== undefined) terms.push('created_at >= @from');
  if (filter.to !== undefined) terms.push('created_at < @to');
  return c.core.database.handle
    .prepare(`SELECT seq FROM audit_log WHERE ${terms.join(' AND ')} ORDER BY seq DESC`)
    .pluck()
    .all({ ...filter, upTo }) as number[];
}

const lookupHead = (c: TestClinic) =>
  c.core.database.handle.prepare('SELECT coalesce(max(seq), 0) FROM audit_lookup').pluck().get() as number;
const logHead = (c: TestClinic) =>
  c.core.database.handle.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

describe('the audit lookup (filter columns kept off the write path)', () => {
  it('lists exactly what the log holds for every filter, whether an entry is in the lookup or still in the tail', async () => {
    clinic = await openTestClinic();
    const c = clinic;
    await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const started = c.clock.read();
    for (let i = 0; i < FILL_EVERY + 40; i += 1) {
      c.clock.advance(1000);
      await c.ok('admin', 'settings.update', { lockTimeoutMinutes: 10 + (i % 5) });
    }
    const middle = started + 60_000;

    // Both places hold entries now: the lookup was filled inside a write, the newest are the tail.
    const head = logHead(c);
    expect(lookupHead(c)).toBeGreaterThan(0);
    expect(lookupHead(c)).toBeLessThan(head);
    expect(head - lookupHead(c)).toBeLessThanOrEqual(FILL_EVERY);

    const filters: Filter[] = [
      {},
      { action: 'settings' },
      { action: 'settings.upd' },
      { actor: ADMIN.username.toUpperCase() },
      { outcome: 'ok' },
      { from: middle },
      { to: middle },
      { action: 'settings', from: started, to: middle + 30_000 },
    ];
    for (const filter of filters) {
      // The lists are audited reads themselves: compare with the log as it was when each list began.
      const before = logHead(c);
      const listed = await listedSeqs(c, filter);
      expect(listed, JSON.stringify(filter)).toEqual(logSeqs(c, filter, before));
      expect(listed.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }

    // The newest entry is listed at once though the lookup has not reached it.
    c.clock.advance(1000);
    await c.ok('admin', 'settings.update', { lockTimeoutMinutes: 42 });
    const newest = logHead(c);
    expect(lookupHead(c)).toBeLessThan(newest);
    const first = await c.ok('admin', 'audit.list', { action: 'settings.update', limit: 1 });
    expect(first.entries[0]).toMatchObject({ seq: newest, details: { lockTimeoutMinutes: { to: 42 } } });

    // The hosts' idle checkpoint fills the rest in one commit.
    c.core.checkpoint();
    expect(lookupHead(c)).toBe(logHead(c));
    expect(await listedSeqs(c, { action: 'settings' })).toEqual(logSeqs(c, { action: 'settings' }, logHead(c)));
  });

  it("finds a patient's history in both places, and keeps the lookup append-only", async () => {
    clinic = await openTestClinic();
    const c = clinic;
    await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const patient = await c.ok('admin', 'patients.create', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      dob: '1980-12-10',
    });
    await c.ok('admin', 'patients.addAllergy', { patientId: patient.id, substance: 'Latex' });
    for (let i = 0; i < FILL_EVERY; i += 1)
      await c.ok('admin', 'settings.update', { lockTimeoutMinutes: 10 + (i % 5) });
    c.core.checkpoint();
    await c.ok('admin', 'patients.addAllergy', { patientId: patient.id, substance: 'Nuts' });
    const lookupHolds = c.core.database.handle
      .prepare("SELECT count(*) FROM audit_lookup WHERE target_id = ? AND action LIKE 'patients.%'")
      .pluck()
      .get(patient.id) as number;
    expect(lookupHolds).toBe(2);
    const history = await c.ok('admin', 'patients.history', { patientId: patient.id });
    expect(history.entries.map((entry) => entry.description)).toEqual([
      'Added an allergy',
      'Added an allergy',
      'Registered',
    ]);

    const { handle } = c.core.database;
    expect(() => handle.exec("UPDATE audit_lookup SET action = 'nothing' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => handle.exec('DELETE FROM audit_lookup WHERE seq = 2')).toThrow(/append-only/);
    // What the write path saves: the log itself keeps only its key (its id's index went in migration 0050).
    const indexes = handle.prepare("SELECT name FROM pragma_index_list('audit_log')").pluck().all();
    expect(indexes).toEqual([]);
  });
});
