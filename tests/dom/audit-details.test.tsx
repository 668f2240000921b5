// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../src-renderer/src/screens/audit/AuditTable';

const london = { timeZone: 'Europe/London', dateFormat: 'DD/MM/YYYY', timeFormat: '24h' } as const;
// 2026-12-08 09:30:00 in London (UTC in winter).
const at = Date.UTC(2026, 11, 8, 9, 30);

describe('an audit entry’s details as a person reads them', () => {
  it('shows an instant as the clinic’s date and time, and leaves counts, amounts and ids as they are', () => {
    expect(describeValue('start', at, london)).toBe('08/12/2026 09:30:00');
    expect(describeValue('recordedAt', at, london)).toBe('08/12/2026 09:30:00');
    // The same number under a key that is not a time, and a time-like key holding a count, stay numbers.
    expect(describeValue('amountMinor', at, london)).toBe(String(at));
    expect(describeValue('to', 12, london)).toBe('12');
    expect(describeValue('patientId', '019a-id', london)).toBe('019a-id');
    expect(describeValue('reason', null, london)).toBe('—');
    expect(describeValue('fields', { a: 1 }, london)).toBe('{"a":1}');
  });
});
