// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySchedule } from '../../src-shared/scheduling/model';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { coreBridge, type Gate } from './core-bridge';
import type * as CalendarReadsModule from '../../src-renderer/src/screens/calendar/reads';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London.
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
let s: SchedulingClinic;
let gate: Gate;
/** Every procedure the hook sent to main, in order. */
let calls: string[];
let reads: typeof CalendarReadsModule;

beforeAll(async () => {
  s = await openSchedulingClinic();
  const admin = coreBridge(s.clinic.core, 'admin');
  window.clinic = admin.bridge;
  gate = admin.gate;
  calls = admin.calls;
  reads = await import('../../src-renderer/src/screens/calendar/reads');
});

afterAll(async () => {
  await s.clinic.close();
});

/** Books Dr Ortiz for a new patient of this first name, as the receptionist at another desk would. */
async function bookFor(firstName: string, date: string, time: string): Promise<void> {
  const patientId = await s.patient(firstName);
  const booked = await s.book({ patientId, start: { date, time } });
  if (!booked.ok) throw new Error(booked.error.message);
}

/** The first names of the patients on a day as the calendar would draw it ("Family1, First"). */
function patientsOn(day: DaySchedule | null): string[] {
  return (day?.providers ?? [])
    .flatMap((column) => column.appointments.map((a) => a.patientName.split(', ')[1] ?? a.patientName))
    .sort();
}

const dayReads = () => calls.filter((name) => name === 'appointments.day').length;

describe("the calendar's day reads (useProcedure over the day cache)", () => {
  it('reads the day shown, reads its neighbours ahead, shows the next day at once, and re-reads on a pushed change', async () => {
    await bookFor('Monday', MONDAY, '10:00');
    await bookFor('Tuesday', TUESDAY, '11:00');
    const before = dayReads();
    const { result, rerender, unmount } = renderHook(({ date }) => reads.useCalendarReads(date, null), {
      initialProps: { date: MONDAY },
    });
    await waitFor(() => expect(result.current.day?.date).toBe(MONDAY));
    expect(patientsOn(result.current.day)).toEqual(['Monday']);
    expect(result.current.error).toBeNull();

    // Once Monday is shown, Sunday and Tuesday are read ahead.
    await waitFor(() => expect(dayReads()).toBe(before + 3));

    // Stepping to Tuesday draws it in the very render that asks for it: no wait for main.
    rerender({ date: TUESDAY });
    expect(result.current.day?.date).toBe(TUESDAY);
    expect(patientsOn(result.current.day)).toEqual(['Tuesday']);
    // ...and it is read again behind, after the paint.
    await waitFor(() => expect(dayReads()).toBe(before + 4));

    // Another desk books on Tuesday: main pushes appointments.changed and the day shown is read again.
    await waitFor(() => expect(result.current.loading).toBe(false));
    await bookFor('Pushed', TUESDAY, '14:00');
    await waitFor(() => expect(patientsOn(result.current.day)).toEqual(['Pushed', 'Tuesday']));

    // Back to Monday, still kept (the change named Tuesday only): drawn at once.
    rerender({ date: MONDAY });
    expect(patientsOn(result.current.day)).toEqual(['Monday']);
    unmount();
    // Leaving the calendar forgets every kept day.
    expect(reads.calendarDays.get('appointments.day', { date: MONDAY, providerIds: [], includeCancelled: false })).toBe(
      null,
    );
  });

  it('drops a late answer for a day left behind: the day asked for last stays shown', async () => {
    const first = '2026-12-07';
    const second = '2026-12-09';
    await bookFor('Early', first, '09:30');
    await bookFor('Later', second, '15:00');
    // The first day's read is held; the second day's answers first.
    gate.holdNext('appointments.day');
    const { result, rerender, unmount } = renderHook(({ date }) => reads.useCalendarReads(date, null), {
      initialProps: { date: first },
    });
    rerender({ date: second });
    await waitFor(() => expect(result.current.day?.date).toBe(second));
    expect(patientsOn(result.current.day)).toEqual(['Later']);
    // Now the first day answers, late: it must not replace the day shown.
    gate.release();
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)));
    expect(result.current.day?.date).toBe(second);
    expect(patientsOn(result.current.day)).toEqual(['Later']);
    unmount();
  });
});
