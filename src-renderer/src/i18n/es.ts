// The Spanish catalogue, the same files as `en/` under `es/`; tests/unit/i18n-spanish.test.ts fails when
// one lacks a key. Its own module so the bundler splits it off: the page loads it only when Spanish is
// chosen (see `./languages.ts`), and an English desk never downloads or parses it.

import commonEs from './es/common.json';
import frameEs from './es/frame.json';
import homeEs from './es/home.json';
import loginEs from './es/login.json';
import lockEs from './es/lock.json';
import setupEs from './es/setup.json';
import findEs from './es/find.json';
import patientsEs from './es/patients.json';
import calendarEs from './es/calendar.json';
import schedulingSetupEs from './es/scheduling-setup.json';
import visitsEs from './es/visits.json';
import waitlistEs from './es/waitlist.json';
import remindersEs from './es/reminders.json';
import billingEs from './es/billing.json';
import stockEs from './es/stock.json';
import reportsEs from './es/reports.json';
import auditEs from './es/audit.json';
import usersEs from './es/users.json';
import backupsEs from './es/backups.json';
import moveOutEs from './es/move-out.json';
import settingsEs from './es/settings.json';
import syncEs from './es/sync.json';
import conflictsEs from './es/conflicts.json';
import tasksEs from './es/tasks.json';
import referralsEs from './es/referrals.json';
import notificationsEs from './es/notifications.json';
import interopEs from './es/interop.json';

export const es = {
  common: commonEs,
  frame: frameEs,
  home: homeEs,
  login: loginEs,
  lock: lockEs,
  setup: setupEs,
  find: findEs,
  patients: patientsEs,
  calendar: calendarEs,
  'scheduling-setup': schedulingSetupEs,
  visits: visitsEs,
  waitlist: waitlistEs,
  reminders: remindersEs,
  billing: billingEs,
  stock: stockEs,
  reports: reportsEs,
  audit: auditEs,
  users: usersEs,
  backups: backupsEs,
  'move-out': moveOutEs,
  settings: settingsEs,
  sync: syncEs,
  conflicts: conflictsEs,
  tasks: tasksEs,
  referrals: referralsEs,
  notifications: notificationsEs,
  interop: interopEs,
};
