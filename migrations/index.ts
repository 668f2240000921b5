import { migration0001 } from './0001_foundation';
import type { Migration } from './types';

/**
 * Every migration, in order. A static list, not a folder scan, so that bundling keeps them;
 * tests/unit/migrations.test.ts checks that it matches the folder.
 */
export const migrations: readonly Migration[] = [migration0001];

export type { Migration, MigrationHandle } from './types';
