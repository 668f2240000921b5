/* eslint-disable @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the expected-error lines call methods that do not exist, on purpose. */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Handler } from '../../src-main/core/api/context';
import type { Database, NewUser } from '../../src-main/core/db/schema';
import type { ReadDb, WriteDb } from '../../src-main/core/db/handles';
import { insertUser, listUsers } from '../../src-main/core/users/repository';

/*
 * Read and write handles cannot be mixed up (issue 14 item 3). These are checked by `tsc` (tests are in
 * tsconfig.node.json): each `@ts-expect-error` below fails the typecheck if the line under it compiles,
 * i.e. if a read procedure's handler could write. The runtime assertions only keep vitest honest.
 */

declare const someUser: NewUser;

// A read procedure (`users.list` is `kind: 'read'`) whose handler tries to write, directly and through
// a repository function that writes: neither compiles.
export const writesInARead: Handler<'users.list'> = async (ctx) => {
  // @ts-expect-error -- a read handler's db has no insertInto
  await ctx.db.insertInto('users').values(someUser).execute();
  // @ts-expect-error -- nor updateTable
  await ctx.db.updateTable('users').set({ display_name: 'x' }).execute();
  // @ts-expect-error -- nor deleteFrom
  await ctx.db.deleteFrom('users').execute();
  // @ts-expect-error -- nor a transaction (whose callback would get a full handle back)
  await ctx.db.transaction().execute(async () => undefined);
  // @ts-expect-error -- and a repository write wants a full handle, which a ReadDb is not
  await insertUser(ctx.db, someUser);
  return [];
};

// A write procedure's handler gets the transaction with every method; reads take it as a ReadDb too.
export const writesInAWrite: Handler<'users.clearLock'> = async (ctx) => {
  const db: WriteDb = ctx.db;
  const asRead: ReadDb = db;
  await listUsers(asRead);
  await db.updateTable('users').set({ updated_at: ctx.now }).where('id', '=', input(ctx)).execute();
  return Promise.reject(new Error('not run'));
};

function input(ctx: { now: number }): string {
  return String(ctx.now);
}

// A plain Kysely is not a WriteDb: only the router's asWriteDb makes one.
export function plainIsNotWrite(db: Kysely<Database>): WriteDb {
  // @ts-expect-error -- a plain handle is not a write handle
  const write: WriteDb = db;
  return write;
}

describe('read and write handles', () => {
  it('are checked by the typecheck (see the @ts-expect-error lines in this file)', () => {
    expect(typeof writesInARead).toBe('function');
    expect(typeof writesInAWrite).toBe('function');
  });
});
