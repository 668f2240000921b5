import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { englishCatalogue, extractRefusals, placeholdersOf } from '../../scripts/refusal-templates';
import { translateError } from '../../src-shared/refusals/translate';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CATALOGUES = `${ROOT}src-shared/refusals/`;
const read = (name: string) => JSON.parse(readFileSync(`${CATALOGUES}${name}`, 'utf8')) as Record<string, string>;

describe('the catalogue of main’s refusals', () => {
  it('holds every English refusal the code has (npx tsx scripts/refusals-extract.ts rewrites it)', () => {
    const found = extractRefusals(ROOT);
    expect(found.length).toBeGreaterThan(300);
    expect(read('refusals.en.json')).toEqual(englishCatalogue(found));
  }, 60_000);

  it('has Spanish for every template, with the same placeholders (--check lists what lacks it)', () => {
    const english = read('refusals.en.json');
    const spanish = read('refusals.es.json');
    const missing = Object.keys(english).filter((template) => !spanish[template]?.trim());
    expect(missing).toEqual([]);
    const differing = Object.keys(english).filter(
      (template) => placeholdersOf(spanish[template] ?? '').join() !== placeholdersOf(template).join(),
    );
    expect(differing).toEqual([]);
    expect(Object.keys(spanish).filter((template) => !(template in english))).toEqual([]);
  });

  it('keeps what an interpolation carried, translating it when it is itself an entry, and passes the unknown', () => {
    const error = translateError(
      {
        code: 'VALIDATION',
        message: 'patientId: must be a patient id; note: something new',
        details: { fields: { patientId: 'must be a patient id', note: 'something new' } },
      },
      'es',
    );
    expect(error.details?.fields).toEqual({ patientId: 'debe ser el id de un paciente', note: 'something new' });
    expect(error.message).toBe('patientId: debe ser el id de un paciente; note: something new');
    const english = { code: 'NOT_FOUND' as const, message: 'There is no procedure named x.' };
    expect(translateError(english, 'en')).toBe(english);
  });
});

// Monday 2026-11-23 in Europe/London: the clinic works 09:00-17:00.
const MONDAY = '2026-11-23';

describe('refusals reach the asker in their language', () => {
  let s: SchedulingClinic;
  beforeEach(async () => {
    s = await openSchedulingClinic({ now: Date.UTC(2026, 10, 20, 9, 0) });
    await s.clinic.ok('admin', 'settings.update', { language: 'es' });
  });
  afterEach(() => s.clinic.close());

  it('a double booking is refused in Spanish, the provider and the time as they were', async () => {
    const first = await s.patient('Ana');
    const second = await s.patient('Berta');
    await s.book({ patientId: first, roomId: s.room1Id, start: { date: MONDAY, time: '09:00' } });
    const refused = await s.book({ patientId: second, roomId: s.room1Id, start: { date: MONDAY, time: '09:00' } });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Dr Ana Ortiz ya tiene una cita 09:00–09:30. Room 1 está ocupada 09:00–09:30. ' +
          'Para reservarla de todos modos, anule la regla indicando un motivo.',
        details: {
          problems: [
            { code: 'provider_busy', message: 'Dr Ana Ortiz ya tiene una cita 09:00–09:30.' },
            { code: 'room_busy', message: 'Room 1 está ocupada 09:00–09:30.' },
          ],
        },
      },
    });
  });

  it('a validation error keeps its field’s key and words the problem in Spanish', async () => {
    const refused = await s.clinic.call('desk', 'patients.create', {
      firstName: '  ',
      lastName: 'Ruiz',
      dob: '1980-02-03',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'firstName: no puede estar vacío',
        details: { fields: { firstName: 'no puede estar vacío' } },
      },
    });
    // A check main makes itself (not the schema): the same.
    const unknown = await s.book({
      patientId: '00000000-0000-4000-8000-000000000000',
      start: { date: MONDAY, time: '10:00' },
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { details: { fields: { patientId: 'no existe ese paciente' } } },
    });
  });

  it('a user who chose English reads English in the Spanish clinic; before sign-in it is the clinic’s', async () => {
    await s.clinic.ok('desk', 'users.setMyLanguage', { language: 'en' });
    const refused = await s.clinic.call('desk', 'patients.create', {
      firstName: '',
      lastName: 'Ruiz',
      dob: '1980-02-03',
    });
    expect(refused).toMatchObject({ ok: false, error: { details: { fields: { firstName: 'must not be empty' } } } });
    const wrong = await s.clinic.call('stranger', 'auth.login', { username: 'nobody', password: 'not a password' });
    expect(wrong).toMatchObject({ ok: false, error: { message: 'Usuario o contraseña incorrectos.' } });
  });
});
