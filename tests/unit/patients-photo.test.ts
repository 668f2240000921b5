import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;
let patientId: string;

const MARKER = 'FRONT-DESK-PHOTO-MARKER-7f3a';
/** A PNG signature followed by a recognisable text: enough for the type check, findable in a plain file. */
const png = (text = MARKER) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(text)]).toString('base64');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg body')]).toString('base64');

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
    username: 'nina',
    displayName: 'Nina Nurse',
    role: 'nurse',
    password: 'nurse station 12',
  });
  await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
  await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'nurse station 12' });
  patientId = (
    await clinic.ok('desk', 'patients.create', { firstName: 'Ada', lastName: 'Lovelace', dob: '1980-12-10' })
  ).id;
});
afterEach(async () => {
  await clinic.close();
});

const photoRows = () =>
  clinic.core.database.handle
    .prepare(
      "SELECT mime_type, deleted_at FROM patient_documents WHERE patient_id = ? AND kind = 'photo' ORDER BY created_at",
    )
    .all(patientId);

describe('patient photo', () => {
  it('is stored inside the encrypted database, read back whole, replaced by a newer one and removed softly', async () => {
    expect(await clinic.ok('ward', 'patients.photo', { patientId })).toBeNull();
    const first = await clinic.ok('desk', 'patients.setPhoto', {
      patientId,
      mimeType: 'image/png',
      contentBase64: png(),
    });
    expect((await clinic.ok('ward', 'patients.photo', { patientId }))?.contentBase64).toBe(png());

    // Neither the database file nor its write-ahead log shows the image's bytes.
    for (const file of [clinic.folder.file, `${clinic.folder.file}-wal`].filter((name) => existsSync(name))) {
      expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
    }

    clinic.clock.advance(1000);
    await clinic.ok('desk', 'patients.setPhoto', { patientId, mimeType: 'image/jpeg', contentBase64: jpeg });
    const current = await clinic.ok('desk', 'patients.photo', { patientId });
    expect(current?.mimeType).toBe('image/jpeg');
    expect(current?.documentId).not.toBe(first.documentId);
    expect(photoRows()).toEqual([
      { mime_type: 'image/png', deleted_at: clinic.clock.now },
      { mime_type: 'image/jpeg', deleted_at: null },
    ]);

    await clinic.ok('desk', 'patients.removePhoto', { patientId });
    expect(await clinic.ok('desk', 'patients.photo', { patientId })).toBeNull();
    expect(photoRows()).toHaveLength(2);
    const history = await clinic.ok('desk', 'patients.history', { patientId });
    expect(history.entries.slice(0, 3).map((entry) => entry.description)).toEqual([
      'Removed the photo',
      'Changed the photo',
      'Changed the photo',
    ]);
    // Looking at the photo is audited like opening the chart.
    expect(
      clinic.core.database.handle
        .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'patients.photo' AND target_id = ?")
        .get(patientId),
    ).toEqual({
      n: 4,
    });
  });

  it.each([
    [
      'a file that is not what it claims',
      { mimeType: 'image/png', contentBase64: Buffer.from('%PDF-1.4 a letter').toString('base64') },
      'contentBase64',
      'is not a PNG file',
    ],
    [
      'a type that is not an image we keep',
      { mimeType: 'image/gif', contentBase64: png() },
      'mimeType',
      'must be a PNG or JPEG image',
    ],
    [
      'text that is not base64',
      { mimeType: 'image/png', contentBase64: 'not base64!' },
      'contentBase64',
      'must be the image encoded as base64',
    ],
    ['an empty file', { mimeType: 'image/png', contentBase64: '' }, 'contentBase64', 'the file is empty'],
    [
      'an image over 2 MiB',
      { mimeType: 'image/png', contentBase64: png('x'.repeat(2 * 1024 * 1024)) },
      'contentBase64',
      'must be at most 2 MiB',
    ],
  ] as const)('refuses %s, naming the field, and saves nothing', async (_, input, field, message) => {
    const result = await clinic.call('desk', 'patients.setPhoto', { patientId, ...input } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.fields?.[field]).toBe(message);
    expect(photoRows()).toEqual([]);
  });

  it('is set only with patients:write, for a patient that exists', async () => {
    const nurse = await clinic.call('ward', 'patients.setPhoto', {
      patientId,
      mimeType: 'image/png',
      contentBase64: png(),
    });
    expect(!nurse.ok && nurse.error.code).toBe('FORBIDDEN');
    const nobody = await clinic.call('desk', 'patients.setPhoto', {
      patientId: '01890000-0000-7000-8000-000000000000',
      mimeType: 'image/png',
      contentBase64: png(),
    });
    expect(!nobody.ok && nobody.error.details?.fields?.patientId).toBe('no such patient');
    expect(photoRows()).toEqual([]);
  });
});
