import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;
afterEach(async () => {
  await clinic.close();
});

describe('set-up asks for the country and writes the clinic the way that country does', () => {
  it('a clinic in the United States gets MM/DD/YYYY, 12-hour times, Sunday weeks and US phone numbers', async () => {
    clinic = await openTestClinic({ setUp: false });
    await clinic.ok('setup', 'system.setup', {
      clinicName: 'Back Bay Family Practice',
      timeZone: 'America/New_York',
      currency: 'USD',
      country: 'us',
      admin: ADMIN,
    });
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await clinic.ok('admin', 'settings.get', {})).toMatchObject({
      country: 'US',
      dateFormat: 'MM/DD/YYYY',
      timeFormat: '12h',
      weekStart: 7,
      phoneRegion: 'US',
      noShowGraceMinutes: 10,
      providerStep: true,
    });
    // A 10-digit number typed without a country code is stored with the region's.
    const patient = await clinic.ok('admin', 'patients.create', {
      firstName: 'Ana',
      lastName: 'Rivera',
      dob: '1980-02-03',
      phones: [{ kind: 'mobile', number: '617 555 0142' }],
    });
    const record = await clinic.ok('admin', 'patients.get', { patientId: patient.id });
    expect(record.phones[0]?.number).toBe('+16175550142');
  });

  it('what set-up is told wins over the country; without a country the old defaults stay', async () => {
    clinic = await openTestClinic({ setUp: false });
    await clinic.ok('setup', 'system.setup', {
      clinicName: 'Riverside',
      timeZone: 'Europe/London',
      currency: 'GBP',
      country: 'GB',
      timeFormat: '12h',
      admin: ADMIN,
    });
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await clinic.ok('admin', 'settings.get', {})).toMatchObject({
      dateFormat: 'DD/MM/YYYY',
      timeFormat: '12h',
      weekStart: 1,
    });
    const refused = await clinic.call('admin', 'settings.update', { country: 'USA' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.fields?.country).toMatch(/two-letter country code/);
  });
});
