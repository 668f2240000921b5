import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_LINK_ARGUMENTS, AUDIT_MAC_ARGUMENTS, GENESIS_HASH } from '../../src-main/core/audit/chain';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

describe('migration 0050 (two b-trees off the write path)', () => {
  it('copies the audit log without its id index and the outbox without its counter, entry for entry, and settles what was answered', () => {
    const handle = databases.at(49);
    const mac = handle.prepare(`SELECT audit_mac(${AUDIT_MAC_ARGUMENTS.replace(/\w+/g, '@$&')})`).pluck();
    const link = handle
      .prepare(`SELECT audit_link(@prev_link, ${AUDIT_LINK_ARGUMENTS.replace(/\w+/g, '@$&')})`)
      .pluck();
    const append = handle.prepare(
      `INSERT INTO audit_log (seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details, prev_hash, hash, link)
       VALUES (@seq, @id, @created_at, @actor_user_id, @actor_username, @action, @target_type, @target_id, @outcome, @details, @prev_hash, @hash, @link)`,
    );
    let prev = { hash: GENESIS_HASH, link: GENESIS_HASH };
    for (let seq = 1; seq <= 3; seq += 1) {
      const entry = {
        seq,
        id: `0190-entry-${seq}`,
        created_at: 1_700_000_000_000 + seq,
        actor_user_id: 'u1',
        actor_username: 'ada',
        action: seq === 2 ? 'auth.login' : 'patients.create',
        target_type: seq === 2 ? null : 'patient',
        target_id: seq === 2 ? null : `p${seq}`,
        outcome: seq === 2 ? 'denied' : 'ok',
        details: seq === 3 ? '{"mrn":"P000003"}' : null,
        prev_hash: prev.hash,
      };
      const hash = mac.get(entry) as string;
      const entryLink = link.get({ ...entry, hash, prev_link: prev.link }) as string;
      append.run({ ...entry, hash, link: entryLink });
      prev = { hash, link: entryLink };
    }
    const outbox = handle.prepare(
      `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, status) VALUES (?, 'patients', '["p"]', 'upsert', '{}', 'h', ?)`,
    );
    for (const status of ['accepted', 'rejected', 'accepted', 'pending', 'accepted', 'pending'])
      outbox.run(`c${status}`, status);
    // The outbox's counter ran to 8 (its two newest changes were deleted since) and the clocks were folded to 8.
    handle.prepare("UPDATE sqlite_sequence SET seq = 8 WHERE name = 'sync_changes'").run();
    handle.prepare('UPDATE sync_state SET local_clocks_seq = 8').run();
    const entriesBefore = handle.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const changesBefore = handle.prepare('SELECT * FROM sync_changes ORDER BY seq').all();

    migrate(handle, 2_000);

    expect(handle.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(entriesBefore);
    // Still the chain it was: every keyed hash recomputes, every entry links to the one before.
    expect(
      handle
        .prepare(
          `SELECT count(*) FROM audit_log a LEFT JOIN audit_log b ON b.seq = a.seq - 1
           WHERE audit_mac(${AUDIT_MAC_ARGUMENTS.replace(/\b(?=\w)/g, 'a.')}) <> a.hash OR a.prev_hash <> coalesce(b.hash, ?)`,
        )
        .pluck()
        .get(GENESIS_HASH),
    ).toBe(0);
    expect(handle.prepare("SELECT name FROM pragma_index_list('audit_log')").all()).toEqual([]);
    expect(handle.prepare("SELECT name FROM pragma_index_list('sync_changes')").all()).toEqual([]);
    expect(() => handle.prepare("UPDATE audit_log SET outcome = 'ok' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => handle.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
    // Answered up to seq 3; the first change still waiting is seq 4.
    expect(handle.prepare('SELECT outbox_settled_seq FROM sync_state').pluck().get()).toBe(3);
    // The outbox as it was, with no counter of its own: the next change takes 7, so the folded mark comes back to 6.
    expect(handle.prepare('SELECT * FROM sync_changes ORDER BY seq').all()).toEqual(changesBefore);
    expect(handle.prepare("SELECT count(*) FROM sqlite_sequence WHERE name LIKE 'sync_changes%'").pluck().get()).toBe(
      0,
    );
    expect(handle.prepare('SELECT local_clocks_seq FROM sync_state').pluck().get()).toBe(6);
    outbox.run('cnext', 'pending');
    expect(handle.prepare("SELECT seq FROM sync_changes WHERE change_id = 'cnext'").pluck().get()).toBe(7);
    handle.close();
  });

  it('settles an outbox with nothing waiting at its last change, and an empty one at zero', () => {
    const answered = databases.at(49);
    answered
      .prepare(
        `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, status) VALUES ('c1', 'patients', '["p"]', 'upsert', '{}', 'h', 'accepted'), ('c2', 'patients', '["p"]', 'upsert', '{}', 'h', 'rejected')`,
      )
      .run();
    migrate(answered, 2_000);
    expect(answered.prepare('SELECT outbox_settled_seq FROM sync_state').pluck().get()).toBe(2);
    answered.close();
    const empty = databases.at(49);
    migrate(empty, 2_000);
    expect(empty.prepare('SELECT outbox_settled_seq FROM sync_state').pluck().get()).toBe(0);
    empty.close();
  });
});
