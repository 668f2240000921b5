import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The two database handles a handler can get, so a read cannot write by mistake (issue 14 item 3).
 *
 * `WriteDb` is the router's transaction for a `write` procedure. `ReadDb` is what a `read` procedure's
 * handler gets (the plain connection, or for a `phi` read the audited transaction): the same Kysely
 * without the query builders that write (`insertInto`, `replaceInto`, `updateTable`, `deleteFrom`,
 * `mergeInto`), nor `transaction`/`connection`/`with…` (whose callbacks get a full builder back), nor
 * `schema`. A read handler that tries to write fails to compile (tests/unit/db-handles.test.ts).
 * Raw `sql` still needs only an executor, so raw writes are caught by the write-path test instead.
 *
 * Every `WriteDb` is also a `ReadDb`, so read functions take `ReadDb` and serve both kinds of handler.
 */
export type WriteMethod =
  | 'insertInto'
  | 'replaceInto'
  | 'updateTable'
  | 'deleteFrom'
  | 'mergeInto'
  | 'transaction'
  | 'startTransaction'
  | 'connection'
  | 'with'
  | 'withRecursive'
  | 'schema'
  | 'withSchema'
  | 'withPlugin'
  | 'withoutPlugins'
  | 'withTables';

export type ReadDb = Omit<Kysely<Database>, WriteMethod>;

declare const writeBrand: unique symbol;

/** The router's write transaction: a full Kysely, branded so that it is only ever made in one place. */
export type WriteDb = Kysely<Database> & { readonly [writeBrand]: true };

/** The router's one place that turns a transaction into a write handle. */
export function asWriteDb(db: Kysely<Database>): WriteDb {
  return db as WriteDb;
}

/** What a procedure's `kind` gives its handler. */
export type DbFor<Kind extends 'read' | 'write'> = Kind extends 'write' ? WriteDb : ReadDb;
