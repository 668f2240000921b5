import type { Migration } from './types';

/**
 * `visits.self_pay`: 1 when the patient pays this visit themselves although they have insurance (the
 * receptionist ticks "Bill this visit as self-pay" at check-in). The visit's draft invoice is then built
 * for self-pay: the self-pay fee schedule, no policy, nothing for an insurer. 0 for every existing visit,
 * which keeps billing them as before.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'visit_self_pay',
  up(db) {
    db.exec(`ALTER TABLE visits ADD COLUMN self_pay INTEGER NOT NULL DEFAULT 0 CHECK (self_pay IN (0, 1));`);
  },
};
