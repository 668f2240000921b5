import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../src-shared/reports/model';
import { csvCell } from '../../src-main/core/reports/csv';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { lastAudit, refused } from '../helpers/setup-audit';

/**
 * The call lists worked out by hand. London is on UTC in November, so the clock times below are the
 * clinic's wall times. The clock starts on Monday 23 November 08:00, when everything is booked.
 *
 *   Mon 09:00 Dr Ortiz  Mae Monday   no-show (the day before the range)
 *   Tue 09:00 Dr Ortiz  Nia Okafor   no-show; primary phone 07700 900123 (stored 07700900123: the clinic sets no phone region)
 *   Tue 09:30 Dr Lee    Tom Reed     no-show; no phone
 *   Tue 11:00 Dr Lee    Ada Booked   still booked: nobody to call
 *   Tue 14:00 Dr Ortiz  Eve Early    cancelled Mon 14:00, exactly 24 h ahead: early, not on the list
 *   Tue 14:30 Dr Ortiz  Lou Late     cancelled Mon 14:31, 23 h 59 min ahead: late, on the list
 *
 * The reports run on Tuesday 12:00 for Tuesday alone (a single day: from = to).
 */
let b: BillingClinic;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);
const MON = '2026-11-23';
const TUE = '2026-11-24';
const PROVIDER = { username: 'ben', displayName: 'Ben Lee', password: 'provider room 2' };
const ids = { mae: '', nia: '', tom: '', ada: '', eve: '', lou: '' };
const mrn = { nia: '', tom: '', lou: '' };
const appointment = { nia: '', tom: '', lou: '' };

/** Sets the clock and signs everyone in again (the idle lock would have locked them meanwhile). */
async function clockAt(instant: number) {
  b.clinic.clock.now = instant;
  await b.advanceDays(0);
}

beforeAll(async () => {
  b = await openBillingClinic();
  const { clinic } = b;
  let born = 0;
  const register = async (firstName: string, lastName: string, phone?: string) => {
    born += 1;
    const patient = await clinic.ok('desk', 'patients.create', {
      firstName,
      lastName,
      dob: `1970-01-${String(born).padStart(2, '0')}`,
      phones: phone ? [{ kind: 'mobile', number: phone }] : [],
    });
    return patient;
  };
  const book = async (patientId: string, date: string, time: string, providerId: string) => {
    const result = await b.book({ patientId, start: { date, time }, providerId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  };
  const mae = await register('Mae', 'Monday');
  const nia = await register('Nia', 'Okafor', '07700 900123');
  const tom = await register('Tom', 'Reed');
  const ada = await register('Ada', 'Booked');
  const eve = await register('Eve', 'Early');
  const lou = await register('Lou', 'Late');
  Object.assign(ids, { mae: mae.id, nia: nia.id, tom: tom.id, ada: ada.id, eve: eve.id, lou: lou.id });
  Object.assign(mrn, { nia: nia.mrn, tom: tom.mrn, lou: lou.mrn });

  const maeVisit = await book(mae.id, MON, '09:00', b.drAId);
  appointment.nia = await book(nia.id, TUE, '09:00', b.drAId);
  appointment.tom = await book(tom.id, TUE, '09:30', b.drBId);
  await book(ada.id, TUE, '11:00', b.drBId);
  const eveVisit = await book(eve.id, TUE, '14:00', b.drAId);
  appointment.lou = await book(lou.id, TUE, '14:30', b.drAId);

  await clockAt(at(23, 10));
  await clinic.ok('desk', 'appointments.setStatus', { appointmentId: maeVisit, status: 'no_show' });
  await clockAt(at(23, 14));
  await clinic.ok('desk', 'appointments.cancel', { appointmentId: eveVisit, reason: 'Rang a day ahead' });
  await clockAt(at(23, 14, 31));
  await clinic.ok('desk', 'appointments.cancel', { appointmentId: appointment.lou, reason: 'Rang a minute late' });
  await clockAt(at(24, 12));
  await clinic.ok('desk', 'appointments.setStatus', { appointmentId: appointment.nia, status: 'no_show' });
  await clinic.ok('desk', 'appointments.setStatus', { appointmentId: appointment.tom, status: 'no_show' });
});
afterAll(async () => {
  await b.clinic.close();
});

describe('reports.callList', () => {
  it("lists the day's no-shows and late cancellations with the patient to call", async () => {
    const list = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE });
    // Mae's no-show was on Monday, outside the range; Ada's appointment is still booked.
    expect(list.noShows).toEqual([
      {
        appointmentId: appointment.nia,
        patientId: ids.nia,
        patientName: 'Okafor, Nia',
        mrn: mrn.nia,
        phone: '07700900123',
        date: TUE,
        time: '09:00',
        startAt: at(24, 9),
        providerId: b.drAId,
        providerName: 'Dr Ana Ortiz',
        typeName: 'Consultation',
        noticeHours: null,
      },
      expect.objectContaining({ patientId: ids.tom, patientName: 'Reed, Tom', phone: null, time: '09:30' }),
    ]);
    // Eve cancelled exactly 24 hours ahead: not less than the window, so early. Lou cancelled 23 h 59 min
    // ahead: late; the notice is written down to the tenth of an hour (23.98 → 23.9), never up to the window.
    expect(list.lateCancels).toEqual([
      expect.objectContaining({
        appointmentId: appointment.lou,
        patientId: ids.lou,
        patientName: 'Late, Lou',
        time: '14:30',
        providerName: 'Dr Ana Ortiz',
        noticeHours: 23.9,
      }),
    ]);
    expect(list).toMatchObject({ noShowCount: 2, lateCancelCount: 1, lateCancelHours: 24 });
  });

  it('holds exactly the appointments the report counts, whatever the window', async () => {
    for (const lateCancelHours of [24, 48]) {
      const input = { from: MON, to: TUE, lateCancelHours };
      const list = await b.clinic.ok('manager', 'reports.callList', input);
      const report = await b.clinic.ok('manager', 'reports.appointments', input);
      expect(list.noShows).toHaveLength(report.totals.noShows);
      expect(list.lateCancels).toHaveLength(report.totals.lateCancelled);
    }
    // Monday and Tuesday: Mae joins the no-shows, oldest first. With a 48-hour window Eve's 24 hours'
    // notice is late too.
    const twoDays = await b.clinic.ok('manager', 'reports.callList', { from: MON, to: TUE });
    expect(twoDays.noShows.map((row) => row.patientId)).toEqual([ids.mae, ids.nia, ids.tom]);
    const wide = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE, lateCancelHours: 48 });
    expect(wide.lateCancels.map((row) => [row.patientId, row.noticeHours])).toEqual([
      [ids.eve, 24],
      [ids.lou, 23.9],
    ]);
  });

  it('is filtered by provider, and a provider sees only their own patients', async () => {
    const lee = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE, providerId: b.drBId });
    expect(lee.noShows.map((row) => row.patientId)).toEqual([ids.tom]);
    expect(lee.lateCancels).toEqual([]);

    const user = await b.clinic.ok('admin', 'users.create', { ...PROVIDER, role: 'provider' });
    await b.clinic.ok('admin', 'schedule.updateProvider', { providerId: b.drBId, userId: user.id });
    await b.clinic.ok('provider', 'auth.login', { username: PROVIDER.username, password: PROVIDER.password });
    // Unfiltered, Dr Lee's own list: Tom, and none of Dr Ortiz's patients (Nia, Lou).
    const own = await b.clinic.ok('provider', 'reports.callList', { from: TUE, to: TUE });
    expect(own.filters.providerName).toBe('Dr Ben Lee');
    expect(own.noShows.map((row) => row.patientId)).toEqual([ids.tom]);
    expect(own.lateCancels).toEqual([]);
    const other = refused(
      await b.clinic.call('provider', 'reports.callList', { from: TUE, to: TUE, providerId: b.drAId }),
    );
    expect(other.details).toMatchObject({ fields: { providerId: "a provider sees their own figures, not another's" } });
    expect(refused(await b.clinic.call('desk', 'reports.callList', { from: TUE, to: TUE })).code).toBe('FORBIDDEN');
  });

  it('is a PHI read: each one is audited with the patients it showed', async () => {
    await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE });
    const audit = await lastAudit(b.clinic);
    expect(audit).toMatchObject({ action: 'reports.callList', target_type: 'report', outcome: 'ok' });
    expect(audit.details).toMatchObject({ report: 'callList', from: TUE, to: TUE, providerId: null });
    expect(audit.details?.patientIds).toEqual([ids.nia, ids.tom, ids.lou]);
  });
});

describe('the appointments export', () => {
  it('carries both call lists, their definition, and audits the patients it wrote out', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'appointments', from: TUE, to: TUE });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.callLists)}`);
    const noShows = lines.indexOf('No-shows to call,2');
    expect(noShows).toBeGreaterThan(0);
    expect(lines.slice(noShows + 1, noShows + 4)).toEqual([
      'Patient,MRN,Phone,Date,Time,Provider,Type,Notice (hours),Start (UTC)',
      `"Okafor, Nia",${mrn.nia},07700900123,${TUE},09:00,Dr Ana Ortiz,Consultation,,2026-11-24T09:00:00.000Z`,
      `"Reed, Tom",${mrn.tom},,${TUE},09:30,Dr Ben Lee,Consultation,,2026-11-24T09:30:00.000Z`,
    ]);
    const late = lines.indexOf('Late cancellations to call,1');
    expect(lines[late + 2]).toBe(
      `"Late, Lou",${mrn.lou},,${TUE},14:30,Dr Ana Ortiz,Consultation,23.9,2026-11-24T14:30:00.000Z`,
    );
    const audit = await lastAudit(b.clinic);
    expect(audit.details).toMatchObject({ report: 'appointments', patientIds: [ids.nia, ids.tom, ids.lou] });
  });
});

describe('narrowed by appointment type and location', () => {
  it('lists and counts only the appointments of that type or location', async () => {
    // One more Tuesday no-show, a dressing at 11:30 with Dr Lee (the clock stands at 12:00).
    const dressing = await b.clinic.ok('admin', 'schedule.createType', {
      name: 'Dressing',
      durationMinutes: 15,
      colour: '#aa7722',
    });
    const kai = await b.clinic.ok('desk', 'patients.create', {
      firstName: 'Kai',
      lastName: 'Dressed',
      dob: '1970-02-01',
    });
    const booked = await b.book({
      patientId: kai.id,
      start: { date: TUE, time: '11:30' },
      providerId: b.drBId,
      typeId: dressing.id,
    });
    if (!booked.ok) throw new Error(booked.error.message);
    await b.clinic.ok('desk', 'appointments.setStatus', { appointmentId: booked.value.id, status: 'no_show' });

    const byType = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE, typeId: dressing.id });
    expect(byType.filters).toMatchObject({ typeId: dressing.id, typeName: 'Dressing', locationId: null });
    expect(byType.noShows.map((row) => [row.patientId, row.typeName])).toEqual([[kai.id, 'Dressing']]);
    expect(byType.lateCancels).toEqual([]);
    const counted = await b.clinic.ok('manager', 'reports.appointments', { from: TUE, to: TUE, typeId: dressing.id });
    expect(counted.totals).toMatchObject({ booked: 1, noShows: 1, due: 1, noShowRatePercent: 100 });
    const consultations = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE, typeId: b.consultId });
    expect(consultations.noShows.map((row) => row.patientId)).toEqual([ids.nia, ids.tom]);
    // The clinic has one location: narrowed to it, the list is the whole day's.
    const here = await b.clinic.ok('manager', 'reports.callList', { from: TUE, to: TUE, locationId: b.mainId });
    expect(here.noShows.map((row) => row.patientId)).toEqual([ids.nia, ids.tom, kai.id]);
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', {
      report: 'appointments',
      from: TUE,
      to: TUE,
      typeId: dressing.id,
    });
    expect(csv.content).toContain('\r\nType,Dressing\r\n');
    const nowhere = refused(
      await b.clinic.call('manager', 'reports.callList', { from: TUE, to: TUE, locationId: dressing.id }),
    );
    expect(nowhere.details).toMatchObject({ fields: { locationId: 'no such location' } });
  });
});
