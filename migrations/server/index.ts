import { serverMigration0001 } from './0001_sync_server';
import type { ServerMigration } from './types';

/** Every server migration, in order (append only). A static list so bundling keeps them. */
export const serverMigrations: readonly ServerMigration[] = [serverMigration0001];

export type { ServerMigration } from './types';
