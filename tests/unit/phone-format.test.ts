import { describe, expect, it } from 'vitest';
import { callingCodeOf, formatPhone } from '../../src-shared/locale/phone-format';
import { normalisePhone } from '../../src-shared/patients/phones';

describe('phone numbers shown the clinic’s way', () => {
  it('a US clinic stores 6175550142 with its country code and shows it as Americans write it', () => {
    const stored = normalisePhone('6175550142', callingCodeOf('US'));
    expect(stored).toBe('+16175550142');
    expect(formatPhone(stored, 'US')).toBe('(617) 555-0142');
  });

  it('a number from elsewhere keeps its country code; a UK clinic writes its own numbers nationally', () => {
    expect(formatPhone('+447700900123', 'US')).toBe('+44 7700 900123');
    expect(formatPhone('+447700900123', 'GB')).toBe('07700 900123');
  });

  it('what cannot be read, or a clinic without a region, shows as stored', () => {
    expect(formatPhone('12', 'US')).toBe('12');
    expect(formatPhone('07700900123', null)).toBe('07700900123');
    expect(callingCodeOf(null)).toBeNull();
    expect(callingCodeOf('ZZ')).toBeNull();
  });
});
