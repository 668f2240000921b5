import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, signInNurse, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { refused } from '../helpers/setup-audit';

// Monday 2026-11-23 09:00 UTC in a Europe/London clinic.
const START = Date.UTC(2026, 10, 23, 9, 0);

let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic({ now: START });
  await signInNurse(s.clinic);
});
afterEach(async () => {
  await s.clinic.close();
});

/** A walk-in on today's board: the visit the nurse's intake is open on. */
async function walkIn(firstName: string): Promise<{ patientId: string; visitId: string }> {
  const patientId = await s.patient(firstName);
  const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId });
  return { patientId, visitId: visit.id };
}

const allergiesOf = async (patientId: string) =>
  (await s.clinic.ok('desk', 'patients.get', { patientId })).allergies.map((a) => a.substance);
const historyOf = async (patientId: string) =>
  (await s.clinic.ok('desk', 'patients.history', { patientId })).entries.map(
    (entry) => `${entry.by}: ${entry.description}`,
  );

describe('allergy review at the intake', () => {
  it('a nurse adds and takes off allergies of the patient whose visit is open; the record and its history show it', async () => {
    const { patientId, visitId } = await walkIn('Ada');
    const added = await s.clinic.ok('nurse', 'intake.addAllergy', {
      visitId,
      patientId,
      substance: 'Penicillin',
      reaction: 'Hives',
      severity: 'moderate',
    });
    expect(added.allergies).toMatchObject([{ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' }]);
    await s.clinic.ok('nurse', 'intake.addAllergy', { visitId, patientId, substance: 'Latex' });
    const latex = (await s.clinic.ok('desk', 'patients.get', { patientId })).allergies.find(
      (a) => a.substance === 'Latex',
    );
    if (!latex) throw new Error('no latex allergy');
    expect(latex.severity).toBe('unknown');

    const after = await s.clinic.ok('nurse', 'intake.removeAllergy', {
      visitId,
      patientId,
      allergyId: latex.id,
      reason: 'entered_in_error',
    });
    expect(after.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(await historyOf(patientId)).toEqual([
      'Nina Nurse: Took an allergy off the record (entered in error)',
      'Nina Nurse: Added an allergy',
      'Nina Nurse: Added an allergy',
      'Rita Reception: Registered',
    ]);
    // The audit log names the visit and the reason, not the substance.
    const audit = s.clinic.core.database.handle
      .prepare("SELECT actor_username, target_id, details FROM audit_log WHERE action = 'intake.removeAllergy'")
      .get() as { actor_username: string; target_id: string; details: string };
    expect(audit).toMatchObject({ actor_username: 'nina', target_id: patientId });
    expect(JSON.parse(audit.details)).toEqual({ allergyId: latex.id, reason: 'entered_in_error', visitId });
  });

  it('writes nothing to a patient other than the visit’s, and refuses another patient’s allergy or an undone arrival', async () => {
    const ada = await walkIn('Ada');
    const ben = await walkIn('Ben');
    await s.clinic.ok('nurse', 'intake.addAllergy', {
      visitId: ben.visitId,
      patientId: ben.patientId,
      substance: 'Peanuts',
    });
    const peanuts = (await s.clinic.ok('desk', 'patients.get', { patientId: ben.patientId })).allergies[0];
    if (!peanuts) throw new Error('no allergy');

    // Ada's visit with Ben's id: refused on the visit, nothing written to Ben.
    expect(
      refused(
        await s.clinic.call('nurse', 'intake.addAllergy', {
          visitId: ada.visitId,
          patientId: ben.patientId,
          substance: 'Aspirin',
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { visitId: expect.stringMatching(/another patient’s/) as string } },
    });
    // Ben's allergy through Ada's visit and record: refused on the allergy, Ben's stays.
    expect(
      refused(
        await s.clinic.call('nurse', 'intake.removeAllergy', {
          visitId: ada.visitId,
          patientId: ada.patientId,
          allergyId: peanuts.id,
          reason: 'no_longer_applies',
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { allergyId: expect.stringMatching(/no such allergy/) as string } },
    });
    expect(await allergiesOf(ben.patientId)).toEqual(['Peanuts']);
    expect(await allergiesOf(ada.patientId)).toEqual([]);

    // An undone arrival is no longer a visit to write through.
    await s.clinic.ok('desk', 'visits.undo', { visitId: ada.visitId });
    expect(
      refused(
        await s.clinic.call('nurse', 'intake.addAllergy', {
          visitId: ada.visitId,
          patientId: ada.patientId,
          substance: 'Aspirin',
        }),
      ),
    ).toMatchObject({
      details: { fields: { visitId: expect.stringMatching(/undone/) as string } },
    });
    expect(await allergiesOf(ada.patientId)).toEqual([]);
  });

  it('validates in main: an empty substance, an unknown reason; and only clinical staff use the intake procedures', async () => {
    const { patientId, visitId } = await walkIn('Ada');
    expect(
      refused(await s.clinic.call('nurse', 'intake.addAllergy', { visitId, patientId, substance: '  ' })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { substance: 'must not be empty' } },
    });
    const record = await s.clinic.ok('nurse', 'intake.addAllergy', { visitId, patientId, substance: 'Penicillin' });
    const allergyId = record.allergies[0]?.id ?? '';
    expect(
      refused(
        await s.clinic.call('nurse', 'intake.removeAllergy', {
          visitId,
          patientId,
          allergyId,
          reason: 'bored' as never,
        }),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { reason: expect.stringMatching(/entered_in_error/) as string } },
    });
    // The receptionist may not answer the nurse's review; the nurse may not edit the registration.
    expect(
      refused(await s.clinic.call('desk', 'intake.addAllergy', { visitId, patientId, substance: 'Latex' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      refused(
        await s.clinic.call('nurse', 'patients.removeAllergy', { patientId, allergyId, reason: 'entered_in_error' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await allergiesOf(patientId)).toEqual(['Penicillin']);
  });
});

describe('patients.removeAllergy', () => {
  it('takes an allergy off the patient’s record from the desk, once', async () => {
    const patientId = await s.patient('Ada');
    const record = await s.clinic.ok('desk', 'patients.addAllergy', { patientId, substance: 'Penicillin' });
    const allergyId = record.allergies[0]?.id ?? '';
    const after = await s.clinic.ok('desk', 'patients.removeAllergy', {
      patientId,
      allergyId,
      reason: 'no_longer_applies',
    });
    expect(after.allergies).toEqual([]);
    expect(
      refused(
        await s.clinic.call('desk', 'patients.removeAllergy', { patientId, allergyId, reason: 'no_longer_applies' }),
      ),
    ).toMatchObject({
      details: { fields: { allergyId: expect.stringMatching(/no such allergy/) as string } },
    });
    expect((await historyOf(patientId))[0]).toBe('Rita Reception: Took an allergy off the record (no longer applies)');
  });
});
