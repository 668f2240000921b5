import { afterEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../src-shared/patients/model';
import { ADMIN, openTestClinic } from '../helpers/temp-core';
import {
  cloneDesk,
  deliver,
  deskOf,
  differingTables,
  exchangeAll,
  syncedHash,
  withoutSeq,
  type Desk,
} from '../helpers/sync-desks';

/**
 * Two desks, each its own core and encrypted database, handing each other their captured changes
 * directly (no server yet): what one desk did must show on the other, and both must end identical.
 */

const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

async function twoDesks(): Promise<[Desk, Desk]> {
  const clinic = await openTestClinic();
  const a = deskOf('A', clinic.core, clinic.clock, clinic.folder.key, () => clinic.folder.remove());
  const b = await cloneDesk(a, 'B');
  open.push(a, b);
  for (const desk of [a, b])
    await desk.ok('desk', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  return [a, b];
}

const register = (desk: Desk, firstName: string, lastName: string) =>
  desk.ok('desk', 'patients.create', { firstName, lastName, dob: '1980-02-03', phones: [], contacts: [] });

async function edit(desk: Desk, patientId: string, changes: Partial<PatientRecord>) {
  const record = await desk.ok('desk', 'patients.get', { patientId });
  return desk.ok('desk', 'patients.update', {
    ...record,
    ...changes,
    patientId,
    expectedUpdatedAt: record.updatedAt,
    nationalId: undefined,
  });
}

describe('two desks exchanging changes', () => {
  it('shows a patient registered on one desk on the other, findable by search there', async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Marisol', 'Quintero');
    expect(await b.call('desk', 'patients.get', { patientId: patient.id })).toMatchObject({ ok: false });
    const result = await deliver(a, b);
    expect(result.applied).toBeGreaterThan(0);
    expect(await b.ok('desk', 'patients.get', { patientId: patient.id })).toMatchObject({
      firstName: 'Marisol',
      mrn: patient.mrn,
    });
    const found = await b.ok('desk', 'patients.search', { query: 'quinte' });
    expect(found.map((row) => row.id)).toEqual([patient.id]);
    // Delivering the same changes again changes nothing.
    const again = await deliver(a, b);
    expect(again.applied).toBe(0);
    await deliver(b, a);
    expect(differingTables(a, b)).toEqual([]);
  });

  it('keeps both of two concurrent edits to different fields of one patient, on both desks', async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Tomas', 'Ferreira');
    await deliver(a, b);
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    await edit(a, patient.id, { email: 'tomas@example.com' });
    await edit(b, patient.id, { notes: 'Prefers mornings' });
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      expect(await desk.ok('desk', 'patients.get', { patientId: patient.id })).toMatchObject({
        email: 'tomas@example.com',
        notes: 'Prefers mornings',
      });
    }
    expect(differingTables(a, b)).toEqual([]);
  });

  it('lets the later edit of the same field win on both desks, whichever arrives last', async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Ines', 'Okafor');
    await deliver(a, b);
    a.clock.advance(60_000);
    b.clock.advance(120_000);
    await edit(b, patient.id, { lastName: 'Okafor-Lee' }); // later by B's clock
    await edit(a, patient.id, { lastName: 'Okafor-Ray' }); // made after, but earlier by A's clock
    // B's change reaches A first, then A's reaches B: on each the older one must lose.
    await deliver(b, a);
    await deliver(a, b);
    for (const desk of [a, b]) {
      expect((await desk.ok('desk', 'patients.get', { patientId: patient.id })).lastName).toBe('Okafor-Lee');
    }
    expect((await b.ok('desk', 'patients.search', { query: 'okafor-ray' })).length).toBe(0);
    expect(syncedHash(a)).toBe(syncedHash(b));
  });

  it('never brings back a deleted row when an older edit of it arrives later', async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Olga', 'Brandt');
    await edit(a, patient.id, { phones: [{ kind: 'mobile', number: '07700 900123', isPrimary: true }] } as never);
    await deliver(a, b);
    const phone = (await b.ok('desk', 'patients.get', { patientId: patient.id })).phones[0];
    expect(phone?.number).toContain('07700');
    // B edits the phone row while A, not knowing, deletes it (and the rows it hangs off stay).
    b.clock.advance(60_000);
    a.clock.advance(120_000);
    b.core.database.handle
      .prepare("UPDATE patient_phones SET kind = 'work', updated_at = ? WHERE id = ?")
      .run(b.clock.now, phone?.id);
    a.core.database.handle.prepare('DELETE FROM patient_phones WHERE id = ?').run(phone?.id);
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      const row = desk.core.database.handle.prepare('SELECT 1 FROM patient_phones WHERE id = ?').get(phone?.id);
      expect(row, desk.name).toBeUndefined();
    }
    expect(differingTables(a, b)).toEqual([]);
  });

  it('keeps pushing what the server has not accepted, and keeps the reason for what it refused', async () => {
    const [a] = await twoDesks();
    await register(a, 'Priya', 'Nair');
    const pending = a.core.sync.pending(1000);
    expect(pending.length).toBeGreaterThanOrEqual(3);
    const [first, second, third, fourth] = pending;
    if (!first || !second || !third || !fourth) throw new Error('too few changes');
    // Who made each change travels with it: the signed-in user for the registration, the device always.
    const ada = a.core.database.handle.prepare('SELECT id FROM users WHERE username = ?').get(ADMIN.username) as {
      id: string;
    };
    expect(pending.find((c) => c.table === 'patients')?.userId).toBe(ada.id);
    expect(pending.every((c) => c.deviceId === a.core.sync.deviceId())).toBe(true);
    await a.core.sync.recordPushResults(
      [
        { id: first.id, status: 'accepted' },
        { id: second.id, status: 'duplicate' },
        { id: third.id, status: 'rejected', code: 'FORBIDDEN', reason: 'the user may not write patients' },
        // An answer about a change this desk did not push (in this batch) changes nothing.
        { id: fourth.id, status: 'accepted' },
      ],
      pending.slice(0, 3),
    );
    expect(a.core.sync.pending(1000).map((c) => c.id)).toEqual(pending.slice(3).map((c) => c.id));
    expect(a.core.sync.rejected()).toEqual([
      { id: third.id, table: third.table, code: 'FORBIDDEN', reason: 'the user may not write patients' },
    ]);
  });

  it("carries a document's row with its hash and size, not its bytes: the other desk holds it as still arriving", async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Wanjiru', 'Kamau');
    const pdf = Buffer.from([
      0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff, 0x80, 0x0a, 0x25, 0x25, 0x45, 0x4f, 0x46,
    ]);
    const added = await a.ok('desk', 'documents.add', {
      patientId: patient.id,
      kind: 'referral',
      title: 'Referral letter',
      fileName: 'referral.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    // The bytes travel in chunks through the server (tests/sync/desk-documents.test.ts), never in the change.
    const captured = a.core.sync.pending(1000).find((c) => c.table === 'patient_documents');
    expect(captured?.values).toMatchObject({ sha256: added.sha256, size_bytes: pdf.length });
    expect(captured?.values).not.toHaveProperty('content');
    await deliver(a, b);
    const listed = await b.ok('desk', 'documents.list', { patientId: patient.id });
    expect(listed).toEqual([expect.objectContaining({ id: added.id, arriving: true })]);
    expect(await b.call('desk', 'documents.get', { documentId: added.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(differingTables(a, b)).toEqual([]);
  });

  it('applies nothing of a change stamped days ahead, keeps the clock, and says so', async () => {
    const [a, b] = await twoDesks();
    const patient = await register(a, 'Farah', 'Haddad');
    const [found] = a.core.sync.pending(1000).filter((c) => c.table === 'patients');
    if (!found) throw new Error('no captured insert');
    const insert = withoutSeq(found);
    const future = `${String(b.clock.now + 3 * 86_400_000).padStart(15, '0')}:000000:${insert.deviceId}`;
    const clockBefore = { ...b.core.database.sync.clock };
    const result = await b.core.sync.applyRemote([{ ...insert, hlc: future }], 'c-1');
    expect(result.applied).toBe(0);
    expect(result.skewMessage).toMatch(/hours ahead/);
    expect(b.core.database.sync.clock).toEqual(clockBefore);
    expect(b.core.sync.status().lastError).toMatch(/hours ahead/);
    // The cursor moves on all the same: the refused change is kept here, not asked for again.
    expect(b.core.sync.status().pullCursor).toBe('c-1');
    expect(await b.call('desk', 'patients.get', { patientId: patient.id })).toMatchObject({ ok: false });
    // The rest of the flow is not stalled: the honest changes still go in.
    await deliver(a, b);
    expect(await b.ok('desk', 'patients.get', { patientId: patient.id })).toMatchObject({ lastName: 'Haddad' });
  });
});
