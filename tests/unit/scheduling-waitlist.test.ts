import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { mismatch, type FreedSlot, type WaitlistCriteria } from '../../src-shared/scheduling/waitlist-match';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

describe('does a waitlist entry fit a freed slot', () => {
  // Monday 2026-11-23 10:00 with Dr A, free for 30 minutes.
  const slot: FreedSlot = { providerId: 'drA', date: '2026-11-23', startMinutes: 600, freeMinutes: 30 };
  const entry = (e: Partial<WaitlistCriteria> = {}): WaitlistCriteria => ({
    patientId: 'p',
    providerIds: [],
    earliestDate: '2026-11-22',
    latestDate: null,
    weekdays: [],
    partsOfDay: [],
    durationMinutes: 30,
    typeProviderIds: [],
    ...e,
  });

  it('fits an entry with no preferences, or whose preferences the slot meets', () => {
    expect(mismatch(entry(), slot)).toBeNull();
    expect(
      mismatch(
        entry({
          providerIds: ['drB', 'drA'],
          weekdays: [1, 3],
          partsOfDay: ['morning'],
          latestDate: '2026-11-23',
          earliestDate: '2026-11-23',
        }),
        slot,
      ),
    ).toBeNull();
    expect(mismatch(entry({ durationMinutes: 15 }), slot)).toBeNull();
  });

  it('refuses another provider, a type the provider does not see, dates outside the range, other weekdays and times, and a type too long', () => {
    expect(mismatch(entry({ providerIds: ['drB'] }), slot)).toBe('another provider was asked for');
    expect(mismatch(entry({ typeProviderIds: ['drB'] }), slot)).toBe('the provider does not see this type');
    expect(mismatch(entry({ earliestDate: '2026-11-24' }), slot)).toBe('before the earliest date');
    expect(mismatch(entry({ latestDate: '2026-11-22' }), slot)).toBe('after the latest date');
    expect(mismatch(entry({ weekdays: [2, 3, 4, 5] }), slot)).toBe('not on a preferred weekday');
    expect(mismatch(entry({ partsOfDay: ['afternoon', 'evening'] }), slot)).toBe('not at a preferred time of day');
    expect(mismatch(entry({ partsOfDay: ['morning'] }), { ...slot, startMinutes: 720 })).toBe(
      'not at a preferred time of day',
    );
    expect(mismatch(entry({ durationMinutes: 45 }), slot)).toBe('needs 45 minutes, 30 are free');
  });
});

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London; Mon-Fri 09:00-17:00, lunch 12:30-13:30.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

async function add(input: Partial<Input<'waitlist.add'>> & { patientId: string }) {
  const entry = await s.clinic.ok('desk', 'waitlist.add', { typeId: s.consultId, ...input });
  s.clinic.clock.advance(1000); // entries of one priority are offered oldest first
  return entry;
}

async function booked(patientId: string, time: string, extra: Partial<Input<'appointments.book'>> = {}) {
  const result = await s.book({ patientId, start: { date: MONDAY, time }, ...extra });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('waitlist entries', () => {
  it('adds, lists by priority then age, updates and removes entries', async () => {
    const a = await add({ patientId: await s.patient('Ann'), note: 'Any morning' });
    const b = await add({
      patientId: await s.patient('Bob'),
      priority: 'urgent',
      providerIds: [s.drBId],
      weekdays: [1, 2],
      partsOfDay: ['afternoon'],
    });
    const c = await add({ patientId: await s.patient('Cat'), latestDate: '2026-12-31' });
    expect(a).toMatchObject({
      status: 'waiting',
      priority: 'normal',
      earliestDate: '2026-11-22',
      latestDate: null,
      typeName: 'Consultation',
      durationMinutes: 30,
      note: 'Any morning',
    });
    expect(b).toMatchObject({ providerNames: ['Dr Ben Lee'], weekdays: [1, 2], partsOfDay: ['afternoon'] });
    expect((await s.clinic.ok('desk', 'waitlist.list', {})).map((e) => e.id)).toEqual([b.id, a.id, c.id]);

    const updated = await s.clinic.ok('desk', 'waitlist.update', {
      entryId: c.id,
      priority: 'high',
      expectedUpdatedAt: c.updatedAt,
    });
    expect(updated.priority).toBe('high');
    expect(
      await s.clinic.call('desk', 'waitlist.update', {
        entryId: c.id,
        priority: 'low',
        expectedUpdatedAt: c.updatedAt,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await s.clinic.ok('desk', 'waitlist.remove', { entryId: a.id, reason: 'Found another clinic' });
    expect((await s.clinic.ok('desk', 'waitlist.list', {})).map((e) => e.id)).toEqual([b.id, c.id]);
    expect(await s.clinic.ok('desk', 'waitlist.list', { status: 'removed' })).toMatchObject([
      { id: a.id, removedReason: 'Found another clinic' },
    ]);
  });

  it('tells every window when the list changes, with ids only', async () => {
    const topics: { topic: string; payload: unknown }[] = [];
    s.clinic.core.subscribe('admin', (topic, payload) => topics.push({ topic, payload }));
    const entry = await add({ patientId: await s.patient('Evan') });
    await s.clinic.ok('desk', 'waitlist.remove', { entryId: entry.id, reason: null });
    expect(topics.filter((t) => t.topic === 'waitlist.changed')).toEqual([
      { topic: 'waitlist.changed', payload: { entryIds: [entry.id] } },
      { topic: 'waitlist.changed', payload: { entryIds: [entry.id] } },
    ]);
  });

  it('refuses bad entries, naming the field', async () => {
    const patientId = await s.patient('Dee');
    expect(
      await s.clinic.call('desk', 'waitlist.add', {
        patientId,
        typeId: s.consultId,
        earliestDate: '2026-12-10',
        latestDate: '2026-12-01',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { latestDate: 'must not be before the earliest date' } } },
    });
    expect(
      await s.clinic.call('desk', 'waitlist.add', { patientId, typeId: s.consultId, weekdays: [8] }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { 'weekdays.0': 'must be 1 (Monday) to 7 (Sunday)' } } },
    });
    expect(
      await s.clinic.call('desk', 'waitlist.add', { patientId, typeId: s.consultId, providerIds: [s.mainId] }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { 'providerIds.0': 'no such provider' } } },
    });
  });
});

describe('offers when a slot is freed', () => {
  it('offers only the entries that fit the freed slot, most urgent first, then longest waiting', async () => {
    const leaving = await s.patient('Leo');
    const cancelled = await booked(leaving, '10:00');
    await booked(await s.patient('Next'), '10:30'); // the slot is 30 minutes long
    const long = await s.clinic.ok('admin', 'schedule.createType', {
      name: 'Long review',
      durationMinutes: 60,
      colour: '#884488',
    });
    const drBOnly = await s.clinic.ok('admin', 'schedule.createType', {
      name: 'Paediatric check',
      durationMinutes: 20,
      colour: '#448888',
      providerIds: [s.drBId],
    });

    const first = await add({ patientId: await s.patient('First') });
    await add({ patientId: await s.patient('WantsB'), priority: 'urgent', providerIds: [s.drBId] });
    await add({ patientId: await s.patient('Tuesdays'), priority: 'urgent', weekdays: [2] });
    await add({ patientId: await s.patient('Afternoons'), priority: 'urgent', partsOfDay: ['afternoon'] });
    await add({ patientId: await s.patient('TooLong'), priority: 'urgent', typeId: long.id });
    await add({ patientId: await s.patient('Kid'), priority: 'urgent', typeId: drBOnly.id });
    await add({ patientId: await s.patient('Later'), priority: 'urgent', earliestDate: '2026-11-24' });
    await add({ patientId: await s.patient('Ended'), priority: 'urgent', latestDate: '2026-11-22' });
    const elsewhere = await s.patient('Elsewhere');
    await booked(elsewhere, '10:00', { providerId: s.drBId });
    await add({ patientId: elsewhere, priority: 'urgent' });
    await add({ patientId: leaving, priority: 'urgent' }); // the patient who cancels is not offered their own slot
    const second = await add({ patientId: await s.patient('Second') });
    const urgent = await add({
      patientId: await s.patient('Urgent'),
      priority: 'urgent',
      providerIds: [s.drAId, s.drBId],
      partsOfDay: ['morning'],
    });
    const removed = await add({ patientId: await s.patient('Removed'), priority: 'urgent' });
    await s.clinic.ok('desk', 'waitlist.remove', { entryId: removed.id, reason: null });

    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Patient unwell' });
    const offers = await s.clinic.ok('desk', 'waitlist.offersForSlot', {
      providerId: s.drAId,
      start: cancelled.start,
      excludePatientId: leaving,
    });
    expect(offers.map((o) => o.entry.id)).toEqual([urgent.id, first.id, second.id]);
    expect(offers[0]?.slot).toEqual({
      providerId: s.drAId,
      providerName: 'Dr Ana Ortiz',
      locationId: s.mainId,
      date: MONDAY,
      time: '10:00',
      endTime: '10:30',
      offsetMinutes: 0,
      start: cancelled.start,
      end: cancelled.end,
    });
  });

  it('books from an offer by the normal rules and marks the entry booked; the slot is then no longer offered', async () => {
    const cancelled = await booked(await s.patient('Leo'), '11:00');
    const waiting = await add({ patientId: await s.patient('Wendy'), note: 'Prefers mornings' });
    const other = await add({ patientId: await s.patient('Walt') });
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Clash' });
    const [offer] = await s.clinic.ok('desk', 'waitlist.offersForSlot', {
      providerId: s.drAId,
      start: cancelled.start,
    });
    if (!offer) throw new Error('expected an offer');
    const { appointment, entry } = await s.clinic.ok('desk', 'waitlist.book', {
      entryId: offer.entry.id,
      providerId: offer.slot.providerId,
      locationId: offer.slot.locationId,
      start: { date: offer.slot.date, time: offer.slot.time, offsetMinutes: offer.slot.offsetMinutes },
    });
    expect(appointment).toMatchObject({
      patientId: waiting.patientId,
      date: MONDAY,
      startTime: '11:00',
      reason: 'Prefers mornings',
      status: 'booked',
    });
    expect(entry).toMatchObject({ id: waiting.id, status: 'booked', appointmentId: appointment.id });
    expect((await s.clinic.ok('desk', 'waitlist.list', {})).map((e) => e.id)).toEqual([other.id]);
    expect(
      await s.clinic.ok('desk', 'waitlist.offersForSlot', { providerId: s.drAId, start: cancelled.start }),
    ).toEqual([]);
    expect(
      await s.clinic.call('desk', 'waitlist.book', {
        entryId: waiting.id,
        providerId: s.drAId,
        start: { date: MONDAY, time: '14:00' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This waitlist entry is already booked.' },
    });
  });

  it('offers the old place of a moved appointment, and nothing for a past slot or outside hours', async () => {
    const moving = await booked(await s.patient('Mo'), '09:00');
    const waiting = await add({ patientId: await s.patient('Wes') });
    await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: moving.id,
      start: { date: MONDAY, time: '15:00' },
    });
    expect(
      (await s.clinic.ok('desk', 'waitlist.offersForSlot', { providerId: s.drAId, start: moving.start })).map(
        (o) => o.entry.id,
      ),
    ).toEqual([waiting.id]);
    expect(
      await s.clinic.ok('desk', 'waitlist.offersForSlot', {
        providerId: s.drAId,
        start: Date.UTC(2026, 10, 23, 12, 45),
      }),
    ).toEqual([]); // lunch
    expect(
      await s.clinic.ok('desk', 'waitlist.offersForSlot', { providerId: s.drAId, start: Date.UTC(2026, 10, 20, 10) }),
    ).toEqual([]); // past
  });
});
