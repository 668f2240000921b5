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
import interop from './en/interop.json';

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
  interop,
};

export const resources = { en } as const;

export type Namespace = keyof typeof en;
