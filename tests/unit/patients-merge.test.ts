import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { newId } from '../../src-main/core/ids';
import { scorePair, type PersonForMatching } from '../../src-main/core/patients/duplicates';
import { seedPatients } from '../../src-main/core/patients/seed';
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
  await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
  await clinic.ok('office', 'auth.login', { username: 'moe', password: 'manager office 1' });
});
afterEach(async () => {
  await clinic.close();
});

type Draft = Input<'patients.create'>;
const register = (draft: Partial<Draft> & Pick<Draft, 'firstName' | 'lastName' | 'dob'>) =>
  clinic.ok('desk', 'patients.create', draft);
const searchIds = async (query: string) =>
  (await clinic.ok('desk', 'patients.search', { query, limit: 20 })).map((row) => row.id);

type Row = Record<string, unknown>;
const LINKED = [
  'patient_phones',
  'patient_contacts',
  'patient_allergies',
  'patient_alerts',
  'patient_insurance',
  'appointments',
  'patient_documents',
  'patient_consents',
];

function tableExists(name: string): boolean {
  return (
    clinic.core.database.handle.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/** Every row belonging to these patients, in full (every column), by table. */
function snapshot(ids: readonly string[]): Record<string, Row[]> {
  const { handle } = clinic.core.database;
  const marks = ids.map(() => '?').join(', ');
  const result: Record<string, Row[]> = {
    patients: handle.prepare(`SELECT * FROM patients WHERE id IN (${marks}) ORDER BY id`).all(...ids) as Row[],
    patient_not_duplicates: handle
      .prepare(
        `SELECT * FROM patient_not_duplicates WHERE patient_a IN (${marks}) OR patient_b IN (${marks}) ORDER BY patient_a, patient_b`,
      )
      .all(...ids, ...ids) as Row[],
  };
  for (const table of LINKED.filter(tableExists)) {
    result[table] = handle
      .prepare(`SELECT * FROM ${table} WHERE patient_id IN (${marks}) ORDER BY id`)
      .all(...ids) as Row[];
  }
  return result;
}

/** A booked appointment for the patient, written straight into the scheduling tables. */
function bookAppointment(patientId: string): void {
  const { handle } = clinic.core.database;
  const now = clinic.clock.now;
  const location = newId();
  const provider = newId();
  const type = newId();
  handle
    .prepare('INSERT INTO locations (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(location, `Main ${location}`, now, now);
  handle
    .prepare(
      "INSERT INTO providers (id, display_name, colour, created_at, updated_at) VALUES (?, 'Dr Who', '#336699', ?, ?)",
    )
    .run(provider, now, now);
  handle
    .prepare(
      "INSERT INTO appointment_types (id, name, duration_minutes, colour, created_at, updated_at) VALUES (?, ?, 15, '#336699', ?, ?)",
    )
    .run(type, `Check ${type}`, now, now);
  handle
    .prepare(
      'INSERT INTO appointments (id, patient_id, provider_id, location_id, type_id, start_at, end_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(newId(), patientId, provider, location, type, now + 86_400_000, now + 86_400_000 + 900_000, now, now);
}

function addDocument(patientId: string): void {
  const now = clinic.clock.now;
  // The bytes live apart from the row, by the file's hash (migration 0036).
  clinic.core.database.handle
    .prepare(`INSERT OR IGNORE INTO document_contents (sha256, size_bytes, content) VALUES ('x', 8, ?)`)
    .run(Buffer.from('%PDF-1.4'));
  clinic.core.database.handle
    .prepare(
      `INSERT INTO patient_documents (id, patient_id, kind, title, file_name, mime_type, size_bytes, sha256, created_at, updated_at)
       VALUES (?, ?, 'referral', 'Letter', 'letter.pdf', 'application/pdf', 8, 'x', ?, ?)`,
    )
    .run(newId(), patientId, now, now);
}

/** Katherine (kept) and Catherine (to merge), each with phones, contacts, allergies, alerts and insurance. */
async function twoRecordsOfOnePerson() {
  const kept = await register({
    firstName: 'Katherine',
    lastName: 'Jones',
    dob: '1970-03-04',
    phones: [{ kind: 'mobile', number: '07700 900111', isPrimary: true }],
    email: 'kath@example.com',
    contacts: [{ kind: 'emergency', name: 'Tom Jones', relationship: 'husband', phone: '07700 900999' }],
  });
  await clinic.ok('desk', 'patients.addAllergy', { patientId: kept.id, substance: 'Penicillin', severity: 'severe' });
  await clinic.ok('desk', 'patients.addInsurance', {
    patientId: kept.id,
    payer: 'Bupa',
    memberId: 'B-1',
    priority: 'primary',
  });
  clinic.clock.advance(60_000);
  const other = await register({
    firstName: 'Catherine',
    middleName: 'Ann',
    lastName: 'Jones',
    dob: '1970-03-04',
    phones: [
      { kind: 'home', number: '020 7946 0001' },
      { kind: 'mobile', number: '07700 900222', isPrimary: true },
    ],
    email: 'cathy@example.com',
    nationalId: 'QQ 12 34 56 C',
    address: { line1: '1 Mill Road', city: 'Riverside' },
    contacts: [{ kind: 'guarantor', name: 'Ann Jones', relationship: 'mother' }],
    notDuplicateOf: [kept.id],
  });
  await clinic.ok('desk', 'patients.addAllergy', {
    patientId: other.id,
    substance: 'Latex',
    reaction: 'rash',
    severity: 'mild',
  });
  await clinic.ok('desk', 'patients.addAlert', { patientId: other.id, kind: 'safety', text: 'Uses a wheelchair' });
  await clinic.ok('desk', 'patients.addInsurance', {
    patientId: other.id,
    payer: 'AXA',
    memberId: 'A-9',
    priority: 'secondary',
  });
  const third = await register({ firstName: 'Zed', lastName: 'Other', dob: '1999-09-09' });
  await clinic.ok('office', 'patients.markNotDuplicate', { a: other.id, b: third.id });
  if (tableExists('appointments')) bookAppointment(other.id);
  if (tableExists('patient_documents')) addDocument(other.id);
  clinic.clock.advance(60_000);
  return { kept, other, third };
}

describe('patients.merge and patients.unmerge', () => {
  it('moves linked rows to the survivor, takes the chosen fields, and hides the merged record from search', async () => {
    const { kept, other, third } = await twoRecordsOfOnePerson();
    expect(await searchIds(other.mrn)).toEqual([other.id]);

    const survivor = await clinic.ok('office', 'patients.merge', {
      survivorId: kept.id,
      mergedId: other.id,
      fields: { firstName: 'merged', middleName: 'merged', nationalId: 'merged', address: 'merged' },
    });
    expect(survivor).toMatchObject({
      id: kept.id,
      firstName: 'Catherine',
      middleName: 'Ann',
      lastName: 'Jones',
      email: 'kath@example.com',
    });
    expect(survivor.nationalIdMasked).toBe('•••• 456C');
    expect(survivor.address).toMatchObject({ line1: '1 Mill Road', city: 'Riverside' });
    // The survivor keeps its primary phone; the others follow it.
    expect(survivor.phones.map((p) => [p.number, p.isPrimary])).toEqual([
      ['07700900111', true],
      ['02079460001', false],
      ['07700900222', false],
    ]);
    expect(survivor.contacts.map((c) => c.name)).toEqual(['Tom Jones', 'Ann Jones']);
    expect(survivor.allergies.map((a) => a.substance).sort()).toEqual(['Latex', 'Penicillin']);
    expect(survivor.alerts.map((a) => a.text)).toEqual(['Uses a wheelchair']);
    expect(survivor.insurance.map((p) => p.payer)).toEqual(['Bupa', 'AXA']);

    const after = snapshot([other.id]);
    for (const table of LINKED.filter(tableExists)) expect(after[table], table).toEqual([]);
    expect(snapshot([kept.id]).appointments ?? [{}]).toHaveLength(1);
    // The "not the same person" mark follows the person; the pair between the two records goes.
    expect(snapshot([kept.id]).patient_not_duplicates).toMatchObject([
      { patient_a: [kept.id, third.id].sort()[0], patient_b: [kept.id, third.id].sort()[1] },
    ]);

    const merged = await clinic.ok('desk', 'patients.get', { patientId: other.id });
    expect(merged.mergedIntoId).toBe(kept.id);
    expect(await searchIds(other.mrn)).toEqual([]);
    expect(await searchIds('07700 900222')).toEqual([kept.id]);
    expect(await searchIds('catherine jones')).toEqual([kept.id]);

    const merges = await clinic.ok('desk', 'patients.merges', { patientId: other.id });
    expect(merges).toHaveLength(1);
    expect(merges[0]).toMatchObject({
      survivorId: kept.id,
      mergedId: other.id,
      mergedBy: 'Mo Manager',
      undoneAt: null,
      mergedMrn: other.mrn,
    });
    expect(merges[0]?.fields).toMatchObject({ firstName: 'merged', lastName: 'survivor', dob: 'survivor' });
    expect(merges[0]?.moved).toMatchObject({
      patient_phones: 2,
      patient_contacts: 1,
      patient_allergies: 1,
      patient_alerts: 1,
      patient_insurance: 1,
    });

    // Merging a merged record again, or into it, is refused.
    const again = await clinic.call('office', 'patients.merge', {
      survivorId: third.id,
      mergedId: other.id,
      fields: {},
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('un-merge restores both records and every linked row exactly, and both are found again', async () => {
    const { kept, other, third } = await twoRecordsOfOnePerson();
    const before = snapshot([kept.id, other.id, third.id]);

    await clinic.ok('office', 'patients.merge', {
      survivorId: kept.id,
      mergedId: other.id,
      fields: { firstName: 'merged', email: 'merged', address: 'merged' },
    });
    expect(snapshot([kept.id, other.id, third.id])).not.toEqual(before);
    clinic.clock.advance(60_000);
    const [merge] = await clinic.ok('office', 'patients.merges', { patientId: kept.id });
    const undone = await clinic.ok('office', 'patients.unmerge', { mergeId: merge?.id ?? '' });
    expect(undone.survivor.firstName).toBe('Katherine');
    expect(undone.restored).toMatchObject({ id: other.id, firstName: 'Catherine', mergedIntoId: null });

    // Every column of every row, updated_at included.
    expect(snapshot([kept.id, other.id, third.id])).toEqual(before);

    expect(await searchIds(other.mrn)).toEqual([other.id]);
    expect(await searchIds(kept.mrn)).toEqual([kept.id]);
    expect(await searchIds('07700 900222')).toEqual([other.id]);
    expect((await searchIds('jones')).sort()).toEqual([kept.id, other.id].sort());

    const [listed] = await clinic.ok('office', 'patients.merges', { patientId: kept.id });
    expect(listed).toMatchObject({ undoneAt: clinic.clock.now, undoneBy: 'Mo Manager' });
    const twice = await clinic.call('office', 'patients.unmerge', { mergeId: merge?.id ?? '' });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('already been undone') as unknown },
    });
  });

  it('refuses to un-merge once the survivor or a moved row has changed since, naming why, and changes nothing', async () => {
    const { kept, other } = await twoRecordsOfOnePerson();
    const survivor = await clinic.ok('office', 'patients.merge', {
      survivorId: kept.id,
      mergedId: other.id,
      fields: {},
    });
    const [merge] = await clinic.ok('office', 'patients.merges', { patientId: kept.id });
    const mergeId = merge?.id ?? '';

    // A moved row edited afterwards (the record itself untouched).
    const { handle } = clinic.core.database;
    const movedAlert = handle
      .prepare("SELECT id, updated_at FROM patient_alerts WHERE patient_id = ? AND text = 'Uses a wheelchair'")
      .get(kept.id) as {
      id: string;
      updated_at: number;
    };
    handle
      .prepare('UPDATE patient_alerts SET text = ?, updated_at = ? WHERE id = ?')
      .run('Uses a walker', movedAlert.updated_at + 1, movedAlert.id);
    const byRow = await clinic.call('office', 'patients.unmerge', { mergeId });
    expect(byRow).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('an alert it moved was changed') as unknown },
    });
    handle
      .prepare('UPDATE patient_alerts SET text = ?, updated_at = ? WHERE id = ?')
      .run('Uses a wheelchair', movedAlert.updated_at, movedAlert.id);

    // The surviving record edited afterwards.
    clinic.clock.advance(60_000);
    await clinic.ok('desk', 'patients.update', {
      patientId: kept.id,
      expectedUpdatedAt: survivor.updatedAt,
      firstName: survivor.firstName,
      lastName: survivor.lastName,
      dob: survivor.dob,
      email: 'new@example.com',
      phones: survivor.phones,
      contacts: survivor.contacts,
    });
    const unchanged = snapshot([kept.id, other.id]);
    const refused = await clinic.call('office', 'patients.unmerge', { mergeId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('surviving record');
      expect(refused.error.message).toContain('changed after the merge');
      expect(refused.error.message).toContain('email');
    }
    expect(snapshot([kept.id, other.id])).toEqual(unchanged);
    expect(await searchIds(other.mrn)).toEqual([]);
  });
});

describe("the manager's duplicate finder", () => {
  it('finds exactly the pairs a compare-everything scan finds, best first, and respects not-duplicate marks', async () => {
    const { handle } = clinic.core.database;
    seedPatients(handle, 400, 7, clinic.clock.now);

    // The reference: every pair of patients scored by the same rules.
    const rows = handle
      .prepare(
        `SELECT p.id, p.first_name, p.middle_name, p.last_name, p.dob, p.email, p.national_id,
          p.address_line1, p.address_line2, p.city, p.postal_code,
          (SELECT group_concat(tail, ' ') FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.deleted_at IS NULL) AS tails
         FROM patients p`,
      )
      .all() as {
      id: string;
      first_name: string;
      middle_name: string | null;
      last_name: string;
      dob: string;
      email: string | null;
      national_id: string | null;
      address_line1: string | null;
      address_line2: string | null;
      city: string | null;
      postal_code: string | null;
      tails: string | null;
    }[];
    const people: PersonForMatching[] = rows.map((r) => ({
      firstName: r.first_name,
      middleName: r.middle_name,
      lastName: r.last_name,
      dob: r.dob,
      email: r.email,
      nationalId: r.national_id,
      phoneTails: r.tails ? r.tails.split(' ') : [],
      address: { line1: r.address_line1, line2: r.address_line2, city: r.city, postalCode: r.postal_code },
    }));
    const expected = new Map<string, number>();
    for (let i = 0; i < rows.length; i += 1) {
      for (let j = i + 1; j < rows.length; j += 1) {
        const score = scorePair(people[i] as PersonForMatching, people[j] as PersonForMatching);
        const [a, b] = [rows[i]?.id ?? '', rows[j]?.id ?? ''].sort();
        if (score && score.score >= 35) expected.set(`${a}|${b}`, score.score);
      }
    }
    expect(expected.size).toBeGreaterThan(3);

    const pairs = await clinic.ok('office', 'patients.duplicatePairs', { limit: 500, minScore: 35 });
    expect(new Map(pairs.map((p) => [[p.a.id, p.b.id].sort().join('|'), p.score]))).toEqual(expected);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
    for (const pair of pairs) expect(pair.reasons.length).toBeGreaterThan(0);

    const strong = await clinic.ok('office', 'patients.duplicatePairs', { limit: 3, minScore: 75 });
    expect(strong).toHaveLength(3);
    expect(strong.every((p) => p.strength === 'strong')).toBe(true);

    const top = pairs[0];
    if (!top) throw new Error('no pairs');
    await clinic.ok('office', 'patients.markNotDuplicate', { a: top.b.id, b: top.a.id });
    const later = await clinic.ok('office', 'patients.duplicatePairs', { limit: 500, minScore: 35 });
    expect(later).toHaveLength(pairs.length - 1);
    expect(later.some((p) => p.a.id === top.a.id && p.b.id === top.b.id)).toBe(false);
  });

  it('finds hand-made near-duplicates with their reasons', async () => {
    const { kept, other } = await twoRecordsOfOnePerson();
    // Registration recorded Katherine / Catherine as different people: the finder respects it.
    expect(await clinic.ok('office', 'patients.duplicatePairs', { limit: 50, minScore: 0 })).toEqual([]);
    const swapped = await register({ firstName: 'Katherine', lastName: 'Jones', dob: '1970-04-03' });
    const pairs = await clinic.ok('office', 'patients.duplicatePairs', { limit: 50, minScore: 0 });
    expect(pairs.map((p) => [p.a.id, p.b.id, p.reasons.map((r) => r.code)])).toEqual([
      [kept.id, swapped.id, ['swapped_dob_same_name']],
      [other.id, swapped.id, ['swapped_dob_same_name']],
    ]);
  });
});

describe('who may merge', () => {
  it('refuses a receptionist (no patients:merge) every merge procedure', async () => {
    const { kept, other } = await twoRecordsOfOnePerson();
    const refusals = [
      await clinic.call('desk', 'patients.merge', { survivorId: kept.id, mergedId: other.id, fields: {} }),
      await clinic.call('desk', 'patients.unmerge', { mergeId: newId() }),
      await clinic.call('desk', 'patients.duplicatePairs', { limit: 10, minScore: 0 }),
      await clinic.call('desk', 'patients.markNotDuplicate', { a: kept.id, b: other.id }),
    ];
    for (const result of refusals) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await clinic.ok('desk', 'patients.get', { patientId: other.id })).mergedIntoId).toBeNull();
    // Admin has it too.
    await clinic.ok('admin', 'patients.merge', { survivorId: kept.id, mergedId: other.id, fields: {} });
  });
});
