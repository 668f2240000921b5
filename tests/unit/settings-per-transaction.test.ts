import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type ClinicDatabase } from '../../src-main/core/db/open';
import { createSettings, readSettings, updateSettings } from '../../src-main/core/settings/repository';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

/**
 * Settings are read once per transaction (src-main/core/settings/repository.ts): a transaction that
 * changes them — through the repository or by any other statement on the connection, as a synced
 * change is applied — must read the new row at once, on a real encrypted database.
 */

let folder: TempFolder;
let database: ClinicDatabase;
const at = Date.UTC(2026, 11, 4, 9);

beforeAll(async () => {
  folder = tempFolder();
  database = openDatabase({ file: folder.file, key: folder.key, create: true, now: at });
  await database.db
    .transaction()
    .execute((trx) => createSettings(trx, { clinicName: 'Elm St', timeZone: 'Europe/London', currency: 'GBP' }, at));
});

afterAll(async () => {
  await database.close();
  folder.remove();
});

describe('settings read inside a transaction', () => {
  it('reads the change the same transaction made through the repository', async () => {
    const names = await database.db.transaction().execute(async (trx) => {
      const before = (await readSettings(trx))?.clinicName;
      await updateSettings(trx, { clinicName: 'Oak Rd' }, at + 1);
      return [before, (await readSettings(trx))?.clinicName];
    });
    expect(names).toEqual(['Elm St', 'Oak Rd']);
  });

  it('reads a change written by another statement on the connection, as applying a synced row does', async () => {
    const zones = await database.db.transaction().execute(async (trx) => {
      const before = (await readSettings(trx))?.timeZone;
      database.handle.prepare("UPDATE clinic_settings SET time_zone = 'America/New_York' WHERE id = 1").run();
      return [before, (await readSettings(trx))?.timeZone];
    });
    expect(zones).toEqual(['Europe/London', 'America/New_York']);
  });

  it('outside a transaction reads what was committed last', async () => {
    expect((await readSettings(database.db))?.clinicName).toBe('Oak Rd');
    database.handle.prepare("UPDATE clinic_settings SET clinic_name = 'Ash Ave' WHERE id = 1").run();
    expect((await readSettings(database.db))?.clinicName).toBe('Ash Ave');
  });
});
