import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missedAppointmentsQuery } from '../../src-main/core/reports/repository';
import { openTestClinic, type TestClinic } from '../helpers/temp-core';

/**
 * The call lists (reports.callList) read the missed appointments of a range. Through `appointments_start`
 * they visited every appointment of the range to keep the one in ten that was missed, then sorted again:
 * 7 ms of a month at full size. Migration 0045's partial index holds only the missed ones, in order,
 * with the appointment's columns the list reads, and SQLite uses it only when the query's status term is
 * written as the index's is (a bound list does not match it).
 */
let clinic: TestClinic;
beforeAll(async () => {
  clinic = await openTestClinic();
});
afterAll(async () => {
  await clinic.close();
});

const plan = (narrowing: { providerId: string | null; locationId: string | null; typeId: string | null }) => {
  const compiled = missedAppointmentsQuery(clinic.core.database.db, 0, 1, narrowing).compile();
  return (
    clinic.core.database.handle.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as {
      detail: string;
    }[]
  )
    .map((row) => row.detail)
    .join(' | ');
};

describe('the call lists read', () => {
  it('only the missed appointments, through their own index, in the order shown', () => {
    const detail = plan({ providerId: null, locationId: null, typeId: null });
    expect(detail).toContain('SEARCH a USING COVERING INDEX appointments_missed (start_at>? AND start_at<?)');
    expect(detail).not.toContain('TEMP B-TREE');
  });
});
