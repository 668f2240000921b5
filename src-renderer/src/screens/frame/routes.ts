import type { Permission } from '../../../../src-shared/api/permissions';

export interface RouteDef {
  path: string;
  label: string;
  permission: Permission | null;
  /** One line for the home page. */
  summary: string;
}

const HOME: RouteDef = { path: '', label: 'Home', permission: null, summary: 'This page.' };

/** The areas that exist today, and who may open each. */
export const ROUTES: readonly [RouteDef, ...RouteDef[]] = [
  HOME,
  {
    path: 'patients',
    label: 'Patients',
    permission: 'patients:read',
    summary: 'Find a patient by name, phone, MRN or date of birth; register new ones without duplicates.',
  },
  {
    path: 'calendar',
    label: 'Calendar',
    permission: 'appointments:read',
    summary:
      'The day by provider, a provider’s or a room’s week, the month: book from an empty slot, drag to move, check in, cancel, print a day sheet.',
  },
  {
    path: 'find',
    label: 'Find a slot',
    permission: 'appointments:read',
    summary:
      'The first free slots for an appointment type, with one provider or any, between two dates, avoiding the patient’s own appointments; book one.',
  },
  {
    path: 'waitlist',
    label: 'Waitlist',
    permission: 'appointments:read',
    summary: 'Patients waiting for a slot; offered a cancelled or moved appointment’s time when it fits.',
  },
  {
    path: 'today',
    label: 'Check-in',
    permission: 'appointments:read',
    summary: "Today's appointments: confirm details, insurance and consents, then mark the patient arrived; walk-ins.",
  },
  {
    path: 'board',
    label: 'Flow board',
    permission: 'appointments:read',
    summary:
      'Who is waiting, in which room, with whom and for how long; move, call to room, undo; nurse intake and vitals.',
  },
  {
    path: 'billing',
    label: 'Billing',
    permission: 'billing:read',
    summary:
      'This desk’s cash drawer (open, takings, count and close, Z-report); check-out and patient accounts open from the flow board and the patient’s record.',
  },
  {
    path: 'reports',
    label: 'Reports',
    permission: 'reports:read',
    summary:
      'Appointments by status with the no-show rate, waiting times on the flow board, invoiced and collected; each with its definition, exported as CSV.',
  },
  {
    path: 'stock',
    label: 'Stock room',
    permission: 'stock:read',
    summary:
      'Alerts (below reorder level, expiring soon, expired on a shelf), find an item by name, code or scan, and the recall: which patients got a lot.',
  },
  {
    path: 'reminders',
    label: 'Reminders',
    permission: 'appointments:read',
    summary: 'Reminders due, sent and failed, with Retry; the patients to phone; email and SMS settings.',
  },
  {
    path: 'display',
    label: 'Waiting-room display',
    permission: null,
    summary: 'The screen for the waiting room: tickets called to a room, never names.',
  },
  {
    path: 'settings',
    label: 'Settings',
    permission: 'settings:manage',
    summary: 'Clinic name, time zone, currency, date format and when the screen locks.',
  },
  {
    path: 'backup',
    label: 'Backup',
    permission: 'backups:manage',
    summary: 'Back up now to a folder or USB drive, the daily backup, recent results, the recovery key.',
  },
  {
    path: 'setup',
    label: 'Scheduling set-up',
    permission: 'settings:manage',
    summary:
      'Locations and rooms, providers, appointment types, weekly hours with breaks, time off and extra hours, clinic holidays.',
  },
  {
    path: 'users',
    label: 'Users',
    permission: 'users:manage',
    summary: 'Add staff, change their roles, reset passwords, disable accounts.',
  },
  {
    path: 'audit',
    label: 'Audit log',
    permission: 'audit:read',
    summary: 'Who did what and when, and a check that the log has not been altered.',
  },
];
