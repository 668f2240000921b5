import type { Migration } from './types';

/** A patient's history of changes is read from the audit log by target; without this it would scan the whole log. */
export const migration0006: Migration = {
  version: 6,
  name: 'audit_target_index',
  up(db) {
    db.exec(`CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq);`);
  },
};
