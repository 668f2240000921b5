import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;

beforeEach(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await clinic.ok('admin', 'users.create', {
    username: 'rita',
    displayName: 'Rita Reception',
    role: 'receptionist',
    password: 'reception desk 1',
  });
  await clinic.ok('admin', 'users.create', {
    username: 'moe',
    displayName: 'Mo Manager',
    role: 'manager',
    password: 'manager office 1',
  });
  await clinic.ok('admin', 'users.create', {
    username: 'nina',
    displayName: 'Nina Nurse',
    role: 'nurse',
    password: 'nurse station 12',
  });
  await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
  await clinic.ok('office', 'auth.login', { username: 'moe', password: 'manager office 1' });
  await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'nurse station 12' });
});
afterEach(async () => {
  await clinic.close();
});

type Draft = Input<'patients.create'>;
const register = (draft: Partial<Draft> & Pick<Draft, 'firstName' | 'lastName' | 'dob'>) =>
  clinic.ok('desk', 'patients.create', draft);

function contactRows(patientId: string) {
  return clinic.core.database.handle
    .prepare(
      'SELECT kind, name, relationship, phone, email, deleted_at FROM patient_contacts WHERE patient_id = ? ORDER BY position, created_at',
    )
    .all(patientId);
}

describe('patients.saveContacts', () => {
  it('saves emergency contacts and a guarantor, keeps ids, and removes the ones left out', async () => {
    const patient = await register({ firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' });
    const first = await clinic.ok('desk', 'patients.saveContacts', {
      patientId: patient.id,
      expectedUpdatedAt: patient.updatedAt,
      contacts: [
        { kind: 'emergency', name: 'William King', relationship: 'husband', phone: '07700 900555' },
        { kind: 'guarantor', name: 'Annabella Byron', relationship: 'mother', email: 'Lady.Byron@Example.com' },
      ],
    });
    expect(first.contacts.map((c) => [c.kind, c.name, c.phone, c.email])).toEqual([
      ['emergency', 'William King', '07700900555', null],
      ['guarantor', 'Annabella Byron', null, 'lady.byron@example.com'],
    ]);
    expect(first.updatedAt).toBeGreaterThan(patient.updatedAt);

    clinic.clock.advance(1000);
    const [husband] = first.contacts;
    const second = await clinic.ok('desk', 'patients.saveContacts', {
      patientId: patient.id,
      expectedUpdatedAt: first.updatedAt,
      contacts: [
        { id: husband?.id, kind: 'emergency', name: 'William King', relationship: 'husband', phone: '07700 900556' },
      ],
    });
    expect(second.contacts).toHaveLength(1);
    expect(second.contacts[0]?.id).toBe(husband?.id);
    expect(second.contacts[0]?.phone).toBe('07700900556');
    // Soft delete: the guarantor's row is kept, marked deleted.
    expect(
      contactRows(patient.id).filter((row) => (row as { deleted_at: number | null }).deleted_at !== null),
    ).toHaveLength(1);
  });

  it.each([
    [
      'an emergency contact without a phone',
      [{ kind: 'emergency', name: 'No Phone' }],
      'contacts.0.phone',
      'an emergency contact needs a phone number',
    ],
    [
      'a second guarantor',
      [
        { kind: 'guarantor', name: 'One' },
        { kind: 'guarantor', name: 'Two' },
      ],
      'contacts.1.kind',
      'only one guarantor',
    ],
    ['a blank name', [{ kind: 'guarantor', name: '   ' }], 'contacts.0.name', 'must not be empty'],
    [
      'a bad email',
      [{ kind: 'guarantor', name: 'Pay Er', email: 'not-an-email' }],
      'contacts.0.email',
      'must be an email address',
    ],
    [
      'a bad phone',
      [{ kind: 'emergency', name: 'Ring Me', phone: '12' }],
      'contacts.0.phone',
      'must be a phone number',
    ],
  ] as const)('refuses %s, naming the field, and saves nothing', async (_, contacts, field, message) => {
    const patient = await register({ firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' });
    const result = await clinic.call('desk', 'patients.saveContacts', {
      patientId: patient.id,
      expectedUpdatedAt: patient.updatedAt,
      contacts: contacts as unknown as Input<'patients.saveContacts'>['contacts'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.fields?.[field]).toContain(message);
    expect(contactRows(patient.id)).toEqual([]);
    expect((await clinic.ok('desk', 'patients.get', { patientId: patient.id })).updatedAt).toBe(patient.updatedAt);
  });

  it('refuses a contact id of another patient, and a stale record, saving nothing', async () => {
    const ada = await register({ firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' });
    const bob = await register({
      firstName: 'Bob',
      lastName: 'Babbage',
      dob: '1971-12-26',
      contacts: [{ kind: 'emergency', name: 'Georgiana', phone: '07700 900777' }],
    });
    const stolen = await clinic.call('desk', 'patients.saveContacts', {
      patientId: ada.id,
      expectedUpdatedAt: ada.updatedAt,
      contacts: [{ id: bob.contacts[0]?.id, kind: 'emergency', name: 'Georgiana', phone: '07700 900777' }],
    });
    expect(!stolen.ok && stolen.error.details?.fields?.['contacts.0.id']).toBe('is not one of this patient’s contacts');
    expect(contactRows(ada.id)).toEqual([]);
    expect(contactRows(bob.id)).toHaveLength(1);

    // Someone edits Ada in between: the contacts form loaded before is refused, not applied.
    clinic.clock.advance(1000);
    await clinic.ok('desk', 'patients.update', {
      ...ada,
      patientId: ada.id,
      expectedUpdatedAt: ada.updatedAt,
      email: 'ada@example.com',
    });
    const stale = await clinic.call('desk', 'patients.saveContacts', {
      patientId: ada.id,
      expectedUpdatedAt: ada.updatedAt,
      contacts: [{ kind: 'guarantor', name: 'Late Comer' }],
    });
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    expect(contactRows(ada.id)).toEqual([]);
  });

  it('is refused to a nurse (read-only on patients)', async () => {
    const patient = await register({ firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' });
    const result = await clinic.call('ward', 'patients.saveContacts', {
      patientId: patient.id,
      expectedUpdatedAt: patient.updatedAt,
      contacts: [],
    });
    expect(!result.ok && result.error.code).toBe('FORBIDDEN');
  });
});

describe('patients.history', () => {
  const history = async (client: string, patientId: string) =>
    (await clinic.ok(client, 'patients.history', { patientId })).entries.map(
      (entry) => `${entry.by}: ${entry.description}`,
    );

  it('lists who changed what, newest first, on both records of a merge and un-merge; chart openings are not changes', async () => {
    const kept = await register({ firstName: 'Katherine', lastName: 'Jones', dob: '1970-03-04' });
    clinic.clock.advance(1000);
    const edited = await clinic.ok('desk', 'patients.update', {
      ...kept,
      patientId: kept.id,
      expectedUpdatedAt: kept.updatedAt,
      email: 'kath@example.com',
      phones: [{ kind: 'mobile', number: '07700 900111', isPrimary: true }],
      address: { line1: '1 Mill Road', city: 'Riverside' },
    });
    await clinic.ok('desk', 'patients.get', { patientId: kept.id });
    clinic.clock.advance(1000);
    await clinic.ok('desk', 'patients.saveContacts', {
      patientId: kept.id,
      expectedUpdatedAt: edited.updatedAt,
      contacts: [{ kind: 'emergency', name: 'Tom Jones', phone: '07700 900999' }],
    });
    await clinic.ok('desk', 'patients.addAllergy', { patientId: kept.id, substance: 'Penicillin', severity: 'severe' });
    const other = await register({
      firstName: 'Catherine',
      lastName: 'Jones',
      dob: '1970-03-04',
      notDuplicateOf: [kept.id],
    });
    clinic.clock.advance(1000);
    await clinic.ok('office', 'patients.merge', {
      survivorId: kept.id,
      mergedId: other.id,
      fields: { firstName: 'merged' },
    });
    const [merge] = await clinic.ok('office', 'patients.merges', { patientId: kept.id });
    clinic.clock.advance(1000);
    await clinic.ok('office', 'patients.unmerge', { mergeId: merge?.id ?? '' });

    expect(await history('desk', kept.id)).toEqual([
      `Mo Manager: Un-merged ${other.mrn}: both records restored as they were`,
      `Mo Manager: Merged ${other.mrn} into this record (taking its first name)`,
      'Rita Reception: Added an allergy',
      'Rita Reception: Changed emergency contacts and guarantor',
      'Rita Reception: Changed email, address, phones',
      'Rita Reception: Registered',
    ]);
    expect(await history('desk', other.id)).toEqual([
      `Mo Manager: Un-merged from ${kept.mrn}: restored as it was`,
      `Mo Manager: Merged into ${kept.mrn}`,
      'Rita Reception: Registered',
    ]);
  });

  it('is readable with patients:read, audited as an opening of the record, and pages', async () => {
    const patient = await register({ firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' });
    for (const substance of ['Latex', 'Nuts', 'Eggs'])
      await clinic.ok('desk', 'patients.addAllergy', { patientId: patient.id, substance });
    const first = await clinic.ok('ward', 'patients.history', { patientId: patient.id, limit: 3 });
    expect(first.entries.map((entry) => entry.description)).toEqual([
      'Added an allergy',
      'Added an allergy',
      'Added an allergy',
    ]);
    expect(first.nextBeforeSeq).not.toBeNull();
    const rest = await clinic.ok('ward', 'patients.history', {
      patientId: patient.id,
      limit: 3,
      beforeSeq: first.nextBeforeSeq ?? undefined,
    });
    expect(rest.entries.map((entry) => entry.description)).toEqual(['Registered']);
    expect(rest.nextBeforeSeq).toBeNull();

    const audit = clinic.core.database.handle
      .prepare("SELECT actor_username, target_id FROM audit_log WHERE action = 'patients.history' ORDER BY seq")
      .all();
    expect(audit).toEqual([
      { actor_username: 'nina', target_id: patient.id },
      { actor_username: 'nina', target_id: patient.id },
    ]);
  });

  it('names the field on bad input and refuses an unknown patient', async () => {
    const bad = await clinic.call('desk', 'patients.history', { patientId: 'nobody' });
    expect(!bad.ok && bad.error.details?.fields?.patientId).toBe('must be a patient id');
    const unknown = await clinic.call('desk', 'patients.history', {
      patientId: '01890000-0000-7000-8000-000000000000',
    });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});
