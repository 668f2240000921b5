import { serverMigration0001 } from './0001_sync_server';
import { serverMigration0002 } from './0002_desk_codes';
import { serverMigration0003 } from './0003_reminder_claims';
import { serverMigration0004 } from './0004_compaction';
import { serverMigration0006 } from './0006_file_chunks';
import { serverMigration0007 } from './0007_seeds';
import type { ServerMigration } from './types';

/** Every server migration, in order (append only). A static list so bundling keeps them. */
export const serverMigrations: readonly ServerMigration[] = [
  serverMigration0001,
  serverMigration0002,
  serverMigration0003,
  serverMigration0004,
  serverMigration0006,
  serverMigration0007,
];

export type { ServerMigration } from './types';
