import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { openSeedFile, writeSeedFile } from '../../src-main/core/sync/seed-file-repository';
import { tempFolder } from '../helpers/temp-core';

/**
 * A starting copy made from a desk's database as a clinic's PC opens it every day (an existing file,
 * opened without leave to create files): the copy is written under its own key, holds the clinic's tables
 * and its description, and none of the desk's own identity, outbox or audit log.
 */
describe('a starting copy of a desk reopened from its file', () => {
  const folders: ReturnType<typeof tempFolder>[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) folder.remove();
  });

  it('is written under its own key with the clinic’s tables, and nothing that identifies the desk', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const core = await createCore({ file: folder.file, key: folder.key, create: true });
    await core.close();
    const handle = openEncryptedHandle({ file: folder.file, key: folder.key });
    const copy = join(folder.dir, 'seed.db');
    const key = Buffer.alloc(32, 9);
    try {
      const meta = writeSeedFile(handle, copy, key, {
        clinicId: 'clinic',
        cursor: 'clinic:7',
        clock: { wall: 5, counter: 1 },
      });
      expect(meta.schemaVersion).toBeGreaterThan(40);
      // The connection is left as it was found: the copy's cipher and foreign keys were its own business.
      expect(handle.pragma('cipher', { simple: true })).toBe('sqlcipher');
      handle.pragma('foreign_keys = OFF');
      writeSeedFile(handle, join(folder.dir, 'second.db'), key, {
        clinicId: 'clinic',
        cursor: 'clinic:7',
        clock: { wall: 5, counter: 1 },
      });
      expect(handle.pragma('foreign_keys', { simple: true })).toBe(0);
    } finally {
      handle.close();
    }
    expect(existsSync(copy)).toBe(true);
    expect(readFileSync(copy).includes('SQLite format 3')).toBe(false);
    expect(readFileSync(copy).includes('clinic:7')).toBe(false);
    expect(() => openSeedFile(copy, folder.key, { readonly: true })).toThrow(/key does not open/);
    const seed = openSeedFile(copy, key, { readonly: true });
    try {
      const tables = new Set(seed.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
      for (const name of ['patients', 'appointments', 'sync_clocks', 'patient_fts_data', 'seed_meta'])
        expect(tables).toContain(name);
      for (const name of ['sync_state', 'sync_changes', 'audit_log', 'mrn_series', 'schema_migrations'])
        expect(tables).not.toContain(name);
      expect(seed.prepare('SELECT clinic_id, cursor, hlc_wall FROM seed_meta').get()).toEqual({
        clinic_id: 'clinic',
        cursor: 'clinic:7',
        hlc_wall: 5,
      });
    } finally {
      seed.close();
    }
  });
});
