import type { Migration } from './types';

/**
 * The sync client's enrolment (issue 17): the SHA-256 fingerprint of the server's certificate, pinned
 * when the desk enrols, so a later connection to anything else is refused before a byte is sent.
 */
export const migration0021: Migration = {
  version: 21,
  name: 'sync_client',
  up(db) {
    db.exec('ALTER TABLE sync_state ADD COLUMN server_fingerprint TEXT');
  },
};
