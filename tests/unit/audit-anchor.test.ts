import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { createCore, type Core } from '../../src-main/core/app';
import { GENESIS_HASH, entryMac, legacyEntryHash, type ChainedFields } from '../../src-main/core/audit/chain';
import { checkpointFileOf } from '../../src-main/core/audit/checkpoint';
import { deriveAuditKeys } from '../../src-main/core/audit/keys';
import { fillAuditLookup } from '../../src-main/core/audit/lookup-repository';
import { recordedCheckpointFindings, verifyAuditChain } from '../../src-main/core/audit/repository';
import { backupDatabase } from '../../src-main/core/db/backup';
import { migrate } from '../../src-main/core/db/migrate';
import { restoreDatabase } from '../../src-main/core/db/restore';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { runCli } from '../helpers/run-cli';
import { ADMIN, openTestClinic, tempFolder, type TempFolder } from '../helpers/temp-core';

interface Row extends ChainedFields {
  prev_hash: string;
  hash: string;
}

const folders: TempFolder[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  folders.splice(0).forEach((f) => f.remove());
});

/** A clinic with ten audit entries, closed; its folder stays for the test to attack. */
async function closedClinicWithHistory(): Promise<TempFolder> {
  const clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (const minutes of [11, 12, 13, 14, 15, 16, 17, 18]) {
    await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: minutes });
  }
  // As a host's idle checkpoint would have: the lookup holds all ten, so a truncation leaves it ahead of the log.
  expect(fillAuditLookup(clinic.core.database.handle)).toBeGreaterThan(0);
  await clinic.core.close();
  folders.push(clinic.folder);
  return clinic.folder;
}

/** What an attacker with the file (and, for the worst case, the key) does behind Front Desk's back. */
function tamper(
  folder: TempFolder,
  attack: (rows: Row[]) => { rows: Row[]; hash: (prev: string, row: Row) => string },
) {
  const handle = openEncryptedHandle({ file: folder.file, key: folder.key });
  try {
    const before = handle.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
    const { rows, hash } = attack(before);
    handle.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;');
    const insert = handle.prepare(
      `INSERT INTO audit_log (seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id,
        outcome, details, prev_hash, hash) VALUES (@seq, @id, @created_at, @actor_user_id, @actor_username, @action, @target_type,
        @target_id, @outcome, @details, @prev_hash, @hash)`,
    );
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const next = { ...row, prev_hash: prev, hash: hash(prev, row) };
      insert.run(next);
      prev = next.hash;
    }
  } finally {
    handle.close();
  }
}

const renumber = (rows: Row[]) => rows.map((row, index) => ({ ...row, seq: index + 1 }));
const sha256 = legacyEntryHash;

async function reopen(folder: TempFolder): Promise<Core> {
  const core = await createCore({ file: folder.file, key: folder.key });
  cores.push(core);
  return core;
}

describe('the keyed audit chain and its checkpoint', () => {
  it('keeps a signed checkpoint of the head beside the database, current after each write', async () => {
    const folder = await closedClinicWithHistory();
    const written = JSON.parse(readFileSync(checkpointFileOf(folder.file), 'utf8')) as { seq: number; mac: string };
    expect(written.seq).toBe(10);
    expect(written.mac).toMatch(/^[0-9a-f]{64}$/);
    const core = await reopen(folder);
    expect(core.database.auditFinding).toBeNull();
    expect(await verifyAuditChain(core.database.db)).toMatchObject({ ok: true, checked: 10, head: { seq: 10 } });
  });

  it('finds the last entries deleted (truncation), though the chain left is intact', async () => {
    const folder = await closedClinicWithHistory();
    tamper(folder, (rows) => ({ rows: rows.slice(0, 7), hash: (_prev, row) => row.hash }));
    const core = await reopen(folder);
    expect(core.database.auditFinding).toMatchObject({ problem: 'behind' });
    expect(core.database.auditFinding?.message).toContain(
      'the log ends at entry 7 but its checkpoint recorded entry 10',
    );
    expect(core.database.auditFinding?.keptAs && existsSync(core.database.auditFinding.keptAs)).toBe(true);
    // The finding is now an entry of the keyed chain itself: later opens and verifies still report it.
    expect(await verifyAuditChain(core.database.db)).toMatchObject({ ok: true });
    expect(await recordedCheckpointFindings(core.database.db)).toEqual([
      expect.objectContaining({ seq: 8, problem: 'behind' }),
    ]);
    await core.close();
    cores.length = 0;
    const verify = await runCli(['audit', 'verify', '--data', folder.dir], {
      env: { CLINIC_DB_KEY: folder.key.toString('hex') },
    });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('Audit chain intact: 8 entries checked.');
    expect(verify.stdout).toMatch(/Head: entry 8, hash [0-9a-f]{64}\./);
    expect(verify.stdout).toMatch(/Checkpoint .*clinic\.db\.audit-head: entry 8/);
    expect(verify.stderr).toContain('Found at an earlier open (entry 8');
    expect(verify.stderr).toContain('entries 8 to 10 were removed');
  });

  it('finds an entry deleted in the middle and the hashes after it recomputed without the key', async () => {
    const folder = await closedClinicWithHistory();
    tamper(folder, (rows) => ({ rows: renumber(rows.filter((row) => row.seq !== 4)), hash: sha256 }));
    const core = await reopen(folder);
    expect(await verifyAuditChain(core.database.db)).toMatchObject({
      ok: false,
      brokenAtSeq: 1,
      reason: 'entry 1 was changed after it was written (its keyed hash does not match)',
    });
    expect(core.database.auditFinding).toMatchObject({ problem: 'behind' });
  });

  it('finds a rebuild made with the key itself (deleted entry, chain recomputed): only the checkpoint can', async () => {
    const folder = await closedClinicWithHistory();
    const chainKey = deriveAuditKeys(folder.key).chain;
    const keyed = (prev: string, row: Row) => entryMac(chainKey, prev, row);
    tamper(folder, (rows) => ({ rows: renumber(rows.filter((row) => row.seq !== 4)), hash: keyed }));
    const core = await reopen(folder);
    expect(core.database.auditFinding).toMatchObject({ problem: 'behind' });
    await core.close();
    cores.length = 0;

    // Same length this time: an entry's details edited and everything after it re-chained with the key.
    const again = await closedClinicWithHistory();
    const againKey = deriveAuditKeys(again.key).chain;
    tamper(again, (rows) => ({
      rows: rows.map((row) =>
        row.seq === 5 ? { ...row, details: '{"lockTimeoutMinutes":{"from":1,"to":240}}' } : row,
      ),
      hash: (prev, row) => entryMac(againKey, prev, row),
    }));
    const reopened = await reopen(again);
    expect(await verifyAuditChain(reopened.database.db)).toMatchObject({ ok: true });
    expect(reopened.database.auditFinding).toMatchObject({ problem: 'differs' });
    expect(reopened.database.auditFinding?.message).toContain('entry 10 is not the entry its checkpoint recorded');
  });

  it('reports a deleted or forged checkpoint file', async () => {
    const folder = await closedClinicWithHistory();
    const { rmSync, writeFileSync } = await import('node:fs');
    rmSync(checkpointFileOf(folder.file));
    const core = await reopen(folder);
    expect(core.database.auditFinding).toMatchObject({ problem: 'missing' });
    await core.close();
    cores.length = 0;
    const forged = JSON.parse(readFileSync(checkpointFileOf(folder.file), 'utf8')) as Record<string, unknown>;
    writeFileSync(checkpointFileOf(folder.file), JSON.stringify({ ...forged, seq: 1 }));
    const again = await reopen(folder);
    expect(again.database.auditFinding).toMatchObject({ problem: 'invalid' });
  });
});

describe('migration 0016', () => {
  function legacyClinic(breakAt: number | null): TempFolder {
    const folder = tempFolder();
    folders.push(folder);
    const handle = openEncryptedHandle({ file: folder.file, key: folder.key, create: true });
    migrate(
      handle,
      1,
      migrations.filter((m) => m.version < 16),
    );
    const insert = handle.prepare(
      `INSERT INTO audit_log VALUES (@seq, @id, @created_at, @actor_user_id, @actor_username, @action, @target_type,
        @target_id, @outcome, @details, @prev_hash, @hash)`,
    );
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= 5; seq += 1) {
      const fields: ChainedFields = {
        seq,
        id: `entry-${seq}`,
        created_at: seq * 1000,
        actor_user_id: null,
        actor_username: 'ada',
        action: 'settings.update',
        target_type: null,
        target_id: null,
        outcome: 'ok',
        details: seq === breakAt ? '{"edited":true}' : null,
      };
      const hash = legacyEntryHash(prev, { ...fields, details: null });
      insert.run({ ...fields, prev_hash: prev, hash });
      prev = hash;
    }
    handle.close();
    return folder;
  }

  it('re-chains an intact plain chain with the key and says so in a new entry', async () => {
    const folder = legacyClinic(null);
    const core = await reopen(folder);
    expect(core.database.auditFinding).toBeNull();
    expect(await verifyAuditChain(core.database.db)).toMatchObject({ ok: true, checked: 6, head: { seq: 6 } });
    const last = await core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'audit.rechained', outcome: 'ok' });
    expect(JSON.parse(last.details ?? '{}')).toEqual({ entries: 5, previousChain: 'intact' });
  });

  it('never launders a chain that was already broken: the new entry says where', async () => {
    const folder = legacyClinic(3);
    const core = await reopen(folder);
    const last = await core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'audit.rechained', outcome: 'failed' });
    expect(JSON.parse(last.details ?? '{}')).toEqual({ entries: 5, previousChain: 'broken at entry 3' });
  });
});

describe('the audit head in backups', () => {
  it('is recorded signed beside each backup, catches a backup cut afterwards, and becomes the checkpoint on restore', async () => {
    const folder = await closedClinicWithHistory();
    const backup = `${folder.dir}/backup.db`;
    const check = backupDatabase(folder.file, folder.key, backup);
    expect(check.auditHead?.seq).toBe(10);
    expect(JSON.parse(readFileSync(checkpointFileOf(backup), 'utf8'))).toMatchObject({ seq: 10 });

    const cut = `${folder.dir}/cut.db`;
    copyFileSync(backup, cut);
    copyFileSync(checkpointFileOf(backup), checkpointFileOf(cut));
    const cutFolder = { ...folder, file: cut };
    tamper(cutFolder, (rows) => ({ rows: rows.slice(0, 6), hash: (_prev, row) => row.hash }));
    expect(() => restoreDatabase(folder.file, folder.key, cut, Date.now())).toThrow(/entries 7 to 10 were removed/);

    // Grow the live log past the backup, then restore it: the live checkpoint follows the restored head.
    const core = await reopen(folder);
    await core.close();
    cores.length = 0;
    const restored = restoreDatabase(folder.file, folder.key, backup, Date.now());
    restored.release();
    expect(restored.auditHead?.seq).toBe(10);
    const after = await reopen(folder);
    expect(after.database.auditFinding).toBeNull();
  });
});
