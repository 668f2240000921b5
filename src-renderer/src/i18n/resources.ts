// The English catalogue: one file per screen folder (namespace), so a translator works file by file and
// a second language is a folder of the same files beside `en/`.

import common from './en/common.json';
import frame from './en/frame.json';
import home from './en/home.json';
import login from './en/login.json';
import lock from './en/lock.json';
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

// Spanish: the same files under `es/`; tests/unit/i18n-catalogues.test.ts fails when one lacks a key.
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

export const defaultNS = 'common';

export const en = {
  common,
  frame,
  home,
  login,
  lock,
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
};

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
};

export const resources = { en, es } as const;

export type Namespace = keyof typeof en;
