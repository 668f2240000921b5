import type { Permission } from '../../../../src-shared/api/permissions';
import { CONFLICT_RESOLVERS } from '../../../../src-shared/api/areas/conflicts';
import { i18next } from '../../i18n';

export interface RouteDef {
  path: string;
  label: string;
  permission: Permission | null;
  /** Open to whoever has any of these (instead of one `permission`). */
  anyOf?: readonly Permission[];
  /** One line for the home page. */
  summary: string;
  /**
   * Listed only on a desk that has joined a clinic's server, or that holds conflicts (a copy of one
   * that has): a desk on its own can have none. The page itself still opens by its address.
   */
  syncedOnly?: true;
  /** Listed only on a desk connected to a server (not merely holding conflicts): it asks the server. */
  enrolledOnly?: true;
}

const HOME: RouteDef = {
  path: '',
  get label() {
    return i18next.t('frame:routes.home');
  },
  permission: null,
  get summary() {
    return i18next.t('frame:routes.thisPage');
  },
};

/** The areas that exist today, and who may open each. */
export const ROUTES: readonly [RouteDef, ...RouteDef[]] = [
  HOME,
  {
    path: 'patients',
    get label() {
      return i18next.t('frame:routes.patients');
    },
    permission: 'patients:read',
    get summary() {
      return i18next.t('frame:routes.findAPatientByName');
    },
  },
  {
    path: 'calendar',
    get label() {
      return i18next.t('frame:routes.calendar');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.theDayByProviderA');
    },
  },
  {
    path: 'find',
    get label() {
      return i18next.t('frame:routes.findASlot');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.theFirstFreeSlotsFor');
    },
  },
  {
    path: 'waitlist',
    get label() {
      return i18next.t('frame:routes.waitlist');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.patientsWaitingForASlot');
    },
  },
  {
    path: 'today',
    get label() {
      return i18next.t('frame:routes.checkIn');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.todaySAppointmentsConfirmDetails');
    },
  },
  {
    path: 'board',
    get label() {
      return i18next.t('frame:routes.flowBoard');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.whoIsWaitingInWhich');
    },
  },
  {
    path: 'tasks',
    get label() {
      return i18next.t('frame:routes.tasks');
    },
    permission: 'tasks:read',
    get summary() {
      return i18next.t('frame:routes.tasksSummary');
    },
  },
  {
    path: 'referrals',
    get label() {
      return i18next.t('frame:routes.referrals');
    },
    permission: 'referrals:manage',
    get summary() {
      return i18next.t('frame:routes.referralsSummary');
    },
  },
  {
    path: 'billing',
    get label() {
      return i18next.t('frame:routes.billing');
    },
    permission: 'billing:read',
    get summary() {
      return i18next.t('frame:routes.thisDeskSCashDrawer');
    },
  },
  {
    path: 'reports',
    get label() {
      return i18next.t('frame:routes.reports');
    },
    permission: 'reports:read',
    get summary() {
      return i18next.t('frame:routes.appointmentsByStatusWithThe');
    },
  },
  {
    path: 'stock',
    get label() {
      return i18next.t('frame:routes.stockRoom');
    },
    permission: 'stock:read',
    get summary() {
      return i18next.t('frame:routes.alertsBelowReorderLevelExpiring');
    },
  },
  {
    path: 'reminders',
    get label() {
      return i18next.t('frame:routes.reminders');
    },
    permission: 'appointments:read',
    get summary() {
      return i18next.t('frame:routes.remindersDueSentAndFailed');
    },
  },
  {
    path: 'display',
    get label() {
      return i18next.t('frame:routes.waitingRoomDisplay');
    },
    permission: null,
    get summary() {
      return i18next.t('frame:routes.theScreenForTheWaiting');
    },
  },
  {
    path: 'conflicts',
    get label() {
      return i18next.t('frame:routes.conflicts');
    },
    permission: null,
    anyOf: Object.values(CONFLICT_RESOLVERS),
    get summary() {
      return i18next.t('frame:routes.conflictsSummary');
    },
    syncedOnly: true,
  },
  {
    path: 'settings',
    get label() {
      return i18next.t('frame:routes.settings');
    },
    permission: 'settings:manage',
    get summary() {
      return i18next.t('frame:routes.clinicNameTimeZoneCurrency');
    },
  },
  {
    path: 'backup',
    get label() {
      return i18next.t('frame:routes.backup');
    },
    permission: 'backups:manage',
    get summary() {
      return i18next.t('frame:routes.backUpNowToA');
    },
  },
  {
    path: 'move-out',
    get label() {
      return i18next.t('frame:routes.moveOut');
    },
    permission: 'settings:manage',
    get summary() {
      return i18next.t('frame:routes.moveOutSummary');
    },
  },
  {
    path: 'setup',
    get label() {
      return i18next.t('frame:routes.schedulingSetUp');
    },
    permission: 'settings:manage',
    get summary() {
      return i18next.t('frame:routes.locationsAndRoomsProvidersAppointment');
    },
  },
  {
    path: 'users',
    get label() {
      return i18next.t('frame:routes.users');
    },
    permission: 'users:manage',
    get summary() {
      return i18next.t('frame:routes.addStaffChangeTheirRoles');
    },
  },
  {
    path: 'devices',
    get label() {
      return i18next.t('frame:routes.devices');
    },
    permission: 'users:manage',
    get summary() {
      return i18next.t('frame:routes.devicesSummary');
    },
    enrolledOnly: true,
  },
  {
    path: 'audit',
    get label() {
      return i18next.t('frame:routes.auditLog');
    },
    permission: 'audit:read',
    get summary() {
      return i18next.t('frame:routes.whoDidWhatAndWhen');
    },
  },
];

/** Whether the signed-in user may open the area. */
export function mayOpen(route: RouteDef, can: (permission: Permission) => boolean): boolean {
  if (route.anyOf) return route.anyOf.some((permission) => can(permission));
  return !route.permission || can(route.permission);
}
