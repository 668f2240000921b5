import type { CheckOutView } from '../../src-shared/billing/model';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from './scheduling-clinic';
import { ADMIN } from './temp-core';
import { todayIn } from '../../src-shared/patients/dates';

/**
 * A clinic ready to bill, on top of the scheduling clinic (Europe/London, GBP, a receptionist as
 * 'desk', the administrator as 'admin'): a manager signed in as 'manager'; VAT 20% added to prices;
 * services CONS (consultation, £65.00, no tax) and DRESS (dressing, £12.50 + VAT); the consultation
 * type charged CONS; a fee schedule for the payer "Acme Health" pricing CONS at £80.00; the payment
 * methods the migration seeds (Cash, Card, ...). The clock stands at Monday 2026-11-23 08:00.
 */
export interface BillingClinic extends SchedulingClinic {
  vatId: string;
  consId: string;
  dressId: string;
  methods: Record<'cash' | 'card' | 'cheque' | 'bank_transfer' | 'insurance' | 'other', string>;
  /** A patient checked in today (the clock's date) for a consultation (a fresh patient and slot each call). */
  visit(firstName?: string): Promise<{ patientId: string; visitId: string; appointmentId: string }>;
  /** The visit's check-out view (the draft built on first ask). */
  checkOut(visitId: string): Promise<CheckOutView>;
  openDrawer(floatMinor?: number): Promise<string>;
  /** Moves the clock on by whole days and signs everyone in again (the idle lock would have locked them). */
  advanceDays(days: number): Promise<void>;
  /** The desk's open drawer, opened with a £100 float if none is. */
  openDrawerOnce(): Promise<string>;
}

export const MONDAY = '2026-11-23';
export const START = Date.UTC(2026, 10, 23, 8, 0);
export const MANAGER = { username: 'mona', displayName: 'Mona Manager', password: 'manager office 1' };

const SLOTS = [
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '11:30',
  '12:00',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];

/** `weekdays`: the days the providers work (Monday to Friday unless given). */
export async function openBillingClinic(options: { weekdays?: number[] } = {}): Promise<BillingClinic> {
  const s = await openSchedulingClinic({ now: START, ...options });
  const { clinic } = s;
  await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await clinic.ok('admin', 'users.create', { ...MANAGER, role: 'manager' });
  await clinic.ok('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  await clinic.ok('manager', 'billing.updateSettings', {
    clinicAddress: '1 River Street\nRiverside RS1 2AB',
    taxNumber: 'GB123456789',
  });
  const vat = await clinic.ok('manager', 'fees.saveTax', { name: 'VAT', ratePpm: 200_000, inclusive: false });
  const cons = await clinic.ok('manager', 'fees.saveService', {
    code: 'CONS',
    name: 'Consultation',
    defaultPriceMinor: 6500,
    taxId: null,
  });
  const dress = await clinic.ok('manager', 'fees.saveService', {
    code: 'DRESS',
    name: 'Dressing',
    defaultPriceMinor: 1250,
    taxId: vat.id,
  });
  await clinic.ok('manager', 'fees.setTypeServices', {
    typeId: s.consultId,
    services: [{ serviceId: cons.id, quantity: 1 }],
  });
  await clinic.ok('manager', 'fees.saveSchedule', {
    name: 'Acme Health',
    payer: 'Acme Health',
    prices: { [cons.id]: 8000 },
  });
  const setup = await clinic.ok('manager', 'billing.setup', {});
  const method = (kind: string) => setup.methods.find((m) => m.kind === kind)?.id ?? '';

  // Counted per clinic: node test files share their fork's modules (vitest.config.ts), and a counter kept
  // in this module ran on from the file before, moving bookings onto slots a file had booked itself.
  let booked = 0;
  const visit = async (firstName = 'Pat') => {
    booked += 1;
    const patientId = await s.patient(firstName);
    // Each booking its own slot (28 a day across the two providers), so patients never clash.
    const slot = SLOTS[booked % SLOTS.length] ?? '09:00';
    const providerId = booked % (2 * SLOTS.length) < SLOTS.length ? s.drAId : s.drBId;
    const appointment = await s.book({
      patientId,
      start: { date: todayIn(s.timeZone, clinic.clock.now), time: slot },
      providerId,
    });
    if (!appointment.ok) throw new Error(appointment.error.message);
    const checkedIn = await clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.value.id });
    return { patientId, visitId: checkedIn.id, appointmentId: appointment.value.id };
  };

  return {
    ...s,
    vatId: vat.id,
    consId: cons.id,
    dressId: dress.id,
    methods: {
      cash: method('cash'),
      card: method('card'),
      cheque: method('cheque'),
      bank_transfer: method('bank_transfer'),
      insurance: method('insurance'),
      other: method('other'),
    },
    visit,
    checkOut: (visitId) => clinic.ok('desk', 'invoices.forVisit', { visitId }),
    openDrawer: async (floatMinor = 10_000) => {
      const state = await clinic.ok('desk', 'drawers.open', { floatMinor });
      return state.drawer?.id ?? '';
    },
    advanceDays: async (days) => {
      clinic.clock.advance(days * 86_400_000);
      await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await clinic.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      await clinic.ok('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
    },
    openDrawerOnce: async () => {
      const state = await clinic.ok('desk', 'drawers.current', {});
      return state.drawer?.id ?? (await clinic.ok('desk', 'drawers.open', { floatMinor: 10_000 })).drawer?.id ?? '';
    },
  };
}
