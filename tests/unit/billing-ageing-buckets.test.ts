import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ageingByPatient, ageingByPayer } from '../../src-main/core/billing/balance-repository';
import type { Database } from '../../src-main/core/db/schema';
import { bucketOf, AGEING_BUCKETS } from '../../src-shared/billing/ageing';
import { addDays } from '../../src-shared/scheduling/time';

/**
 * The ageing SQL buckets an invoice by comparing its issue date with each bucket's first day; the
 * statement and the screens use `bucketOf(days)`. They must agree on every boundary day, across a
 * month end and a leap day. (Only the cache's columns the query reads; no clinic needed.)
 */
const memory = new BetterSqlite3(':memory:');
memory.exec(`CREATE TABLE invoice_balances (invoice_id TEXT PRIMARY KEY, patient_id TEXT, payer TEXT,
  issued_on TEXT NOT NULL, patient_open_minor INTEGER NOT NULL, insurer_due_minor INTEGER NOT NULL)`);
const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: memory }) });
afterAll(() => db.destroy());

describe('A/R ageing buckets', () => {
  it.each(['2026-06-15', '2026-03-01', '2028-03-01', '2027-01-01'])(
    'put an invoice of every age from 0 to 130 days before %s where bucketOf puts it',
    async (today) => {
      memory.exec('DELETE FROM invoice_balances');
      const insert = memory.prepare('INSERT INTO invoice_balances VALUES (?, ?, ?, ?, ?, ?)');
      for (let days = 0; days <= 130; days += 1)
        insert.run(`i${days}`, `p${days}`, `payer${days}`, addDays(today, -days), 100 + days, 1000 + days);
      const patients = (await ageingByPatient(db, today)).rows;
      const payers = (await ageingByPayer(db, today)).rows;
      for (let days = 0; days <= 130; days += 1) {
        const expected = AGEING_BUCKETS.indexOf(bucketOf(days));
        const patient = patients.find((row) => row.patient_id === `p${days}`);
        const payer = payers.find((row) => row.payer === `payer${days}`);
        const patientBuckets = [patient?.b0, patient?.b1, patient?.b2, patient?.b3, patient?.b4];
        const payerBuckets = [payer?.b0, payer?.b1, payer?.b2, payer?.b3, payer?.b4];
        expect(patientBuckets.indexOf(100 + days), `${days} days, patient`).toBe(expected);
        expect(payerBuckets.indexOf(1000 + days), `${days} days, payer`).toBe(expected);
      }
    },
  );
});
