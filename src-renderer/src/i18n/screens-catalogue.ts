// The English of every screen behind sign-in: data only, registered by ./screens.ts (the frame's
// chunk and the set-up and recovery screens import it), and typed with the rest in ./resources.ts.

import home from './en/home.json';
import setup from './en/setup.json';
import find from './en/find.json';
import patients from './en/patients.json';
import calendar from './en/calendar.json';
import schedulingSetup from './en/scheduling-setup.json';
import visits from './en/visits.json';
import waitlist from './en/waitlist.json';
import reminders from './en/reminders.json';
import billing from './en/billing.json';
import stock from './en/stock.json';
import reports from './en/reports.json';
import audit from './en/audit.json';
import users from './en/users.json';
import backups from './en/backups.json';
import moveOut from './en/move-out.json';
import settings from './en/settings.json';
import sync from './en/sync.json';
import conflicts from './en/conflicts.json';
import tasks from './en/tasks.json';
import referrals from './en/referrals.json';
import notifications from './en/notifications.json';
import interop from './en/interop.json';

export const screensCatalogue = {
  home,
  setup,
  find,
  patients,
  calendar,
  'scheduling-setup': schedulingSetup,
  visits,
  waitlist,
  reminders,
  billing,
  stock,
  reports,
  audit,
  users,
  backups,
  'move-out': moveOut,
  settings,
  sync,
  conflicts,
  tasks,
  referrals,
  notifications,
  interop,
};
