import { migration0001 } from './0001_foundation';
import { migration0002 } from './0002_patients';
import { migration0003 } from './0003_scheduling';
import type { Migration } from './types';

/**
 * Every migration, in order. A static list, not a folder scan, so that bundling keeps them;
 * tests/unit/migrations.test.ts checks that it matches the folder.
 */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003];

export type { Migration, MigrationHandle } from './types';
