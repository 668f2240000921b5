import type { Kysely } from 'kysely';
import { fieldError } from '../../../src-shared/api/errors';
import type { Role } from '../../../src-shared/api/permissions';
import { hashPassword } from '../auth/passwords';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { findUserByUsername, insertUser } from './repository';

export interface NewUserInput {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Creates a user (input already validated by the contract's schema); returns the new id. */
export async function createUser(db: Kysely<Database>, input: NewUserInput, now: number): Promise<string> {
  if (await findUserByUsername(db, input.username)) throw fieldError('username', `${input.username} is already taken`);
  const id = newId();
  await insertUser(db, {
    id,
    username: input.username,
    display_name: input.displayName,
    role_id: input.role,
    password_hash: await hashPassword(input.password),
    password_changed_at: now,
    disabled_at: null,
    login_blocked_until: null,
    last_login_at: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}
