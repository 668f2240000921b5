import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

/** A tiny but real PDF with a sentence that must never be readable in the database file. */
const SECRET = 'Referral for Ms Okonkwo regarding suspected melanoma';
const PDF = Buffer.from(`%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% ${SECRET}\n%%EOF\n`);
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function clinicWithPatient(): Promise<{ c: TestClinic; patientId: string }> {
  const c = await openTestClinic();
  await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const patient = await c.ok('admin', 'patients.create', {
    firstName: 'Adaeze',
    lastName: 'Okonkwo',
    dob: '1979-03-14',
  });
  return { c, patientId: patient.id };
}

describe('patient documents', () => {
  it('stores a PDF inside the encrypted database and gives back the same bytes', async () => {
    const { c, patientId } = await clinicWithPatient();
    clinic = c;
    const added = await c.ok('admin', 'documents.add', {
      patientId,
      kind: 'referral',
      title: 'Referral letter',
      fileName: 'referral.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(added).toMatchObject({ title: 'Referral letter', sizeBytes: PDF.length, mimeType: 'application/pdf' });
    expect(await c.ok('admin', 'documents.list', { patientId })).toEqual([added]);
    const fetched = await c.ok('admin', 'documents.get', { documentId: added.id });
    expect(Buffer.from(fetched.contentBase64, 'base64').equals(PDF)).toBe(true);

    c.core.database.handle.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(c.folder.file);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(bytes.includes(Buffer.from('%PDF-1.4'))).toBe(false);
  });

  it('refuses a file whose content is not what it claims, an empty one, and an unknown patient, saving nothing', async () => {
    const { c, patientId } = await clinicWithPatient();
    clinic = c;
    const base = {
      patientId,
      kind: 'id_card' as const,
      title: 'Driving licence',
      fileName: 'licence.png',
      mimeType: 'image/png' as const,
    };
    expect(await c.call('admin', 'documents.add', { ...base, contentBase64: PDF.toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { contentBase64: 'is not a PNG file' } } },
    });
    expect(await c.call('admin', 'documents.add', { ...base, contentBase64: 'not base64 at all!' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { contentBase64: 'must be the file encoded as base64' } } },
    });
    expect(
      await c.call('admin', 'documents.add', {
        ...base,
        mimeType: 'text/plain' as never,
        contentBase64: PNG.toString('base64'),
      }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { mimeType: 'must be a PDF, PNG or JPEG file' } } },
    });
    expect(
      await c.call('admin', 'documents.add', {
        ...base,
        patientId: '0191e0a0-0000-7000-8000-000000000009',
        contentBase64: PNG.toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await c.ok('admin', 'documents.list', { patientId })).toEqual([]);
  });

  it('audits who opened a document, hides a removed one, and refuses uploads by a role without patients:write', async () => {
    const { c, patientId } = await clinicWithPatient();
    clinic = c;
    const added = await c.ok('admin', 'documents.add', {
      patientId,
      kind: 'insurance_card',
      title: 'Card front',
      fileName: 'card.png',
      mimeType: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    await c.ok('admin', 'documents.get', { documentId: added.id });
    const opened = await c.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'actor_username'])
      .where('action', '=', 'documents.get')
      .execute();
    expect(opened).toEqual([{ action: 'documents.get', target_id: patientId, actor_username: 'ada' }]);

    await c.ok('admin', 'documents.remove', { documentId: added.id });
    expect(await c.ok('admin', 'documents.list', { patientId })).toEqual([]);
    expect(await c.call('admin', 'documents.get', { documentId: added.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });

    await c.ok('admin', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'triage room 42',
    });
    await c.ok('ward', 'auth.login', { username: 'nina', password: 'triage room 42' });
    expect(
      await c.call('ward', 'documents.add', {
        patientId,
        kind: 'other',
        title: 'x',
        fileName: 'x.png',
        mimeType: 'image/png',
        contentBase64: PNG.toString('base64'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('consents', () => {
  it('records who took a consent, links its signed form, and revokes it once', async () => {
    const { c, patientId } = await clinicWithPatient();
    clinic = c;
    const form = await c.ok('admin', 'documents.add', {
      patientId,
      kind: 'consent',
      title: 'Signed SMS consent',
      fileName: 'sms.pdf',
      mimeType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
    const consent = await c.ok('admin', 'consents.record', {
      patientId,
      kind: 'sms_reminders',
      givenOn: '2026-11-20',
      documentId: form.id,
    });
    const admin = await c.ok('admin', 'auth.session', {});
    expect(consent).toMatchObject({
      kind: 'sms_reminders',
      givenOn: '2026-11-20',
      documentId: form.id,
      recordedBy: admin?.user.id,
      revokedAt: null,
    });

    expect(
      await c.call('admin', 'consents.record', {
        patientId,
        kind: 'privacy',
        givenOn: '2026-11-20',
        expiresOn: '2026-01-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { expiresOn: 'must not be before the date it was given' } } },
    });

    const revoked = await c.ok('admin', 'consents.revoke', { consentId: consent.id });
    expect(revoked.revokedAt).toBe(c.clock.now);
    expect(await c.call('admin', 'consents.revoke', { consentId: consent.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await c.ok('admin', 'consents.list', { patientId })).toEqual([revoked]);
  });
});
