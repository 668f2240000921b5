import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

describe('migrations 0013 and 0014 (billing)', () => {
  it('give a clinic that existed before billing its settings, this desk’s series, the payment methods and the roles’ permissions', () => {
    const handle = databases.at(12);
    const granted = (role: string) =>
      handle
        .prepare(
          "SELECT permission FROM role_permissions WHERE role_id = ? AND permission LIKE 'billing:%' ORDER BY permission",
        )
        .pluck()
        .all(role);
    expect(granted('receptionist')).toEqual(['billing:read']);
    migrate(handle, 2_000);
    expect(granted('receptionist')).toEqual(['billing:close', 'billing:read', 'billing:write']);
    expect(granted('manager')).toEqual([
      'billing:adjust',
      'billing:claims',
      'billing:close',
      'billing:read',
      'billing:refund',
      'billing:write',
    ]);
    expect(granted('nurse')).toEqual([]);
    expect(granted('provider')).toEqual([]);
    expect(handle.prepare('SELECT series_prefix, name FROM billing_desk').get()).toEqual({
      series_prefix: 'A',
      name: 'Front desk',
    });
    expect(handle.prepare('SELECT tax_rounding, lock_date, locale FROM billing_settings').get()).toEqual({
      tax_rounding: 'per_line',
      lock_date: null,
      locale: 'en-GB',
    });
    expect(handle.prepare('SELECT kind FROM payment_methods ORDER BY position').pluck().all()).toEqual([
      'cash',
      'card',
      'cheque',
      'bank_transfer',
      'insurance',
      'other',
    ]);
    expect(handle.prepare('SELECT payer FROM fee_schedules').all()).toEqual([{ payer: null }]);
    handle.close();
  });
});
