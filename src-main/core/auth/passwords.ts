import { hash, verify, type Options } from '@node-rs/argon2';

/** argon2id at OWASP's minimum: 19 MiB, two passes. */
// The algorithm is left at the library's default, Argon2id: its `Algorithm` is a const enum that
// isolated modules cannot read. tests/unit/passwords.test.ts checks the hash says argon2id.
const ARGON2_OPTIONS: Options = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown usernames too, so timing does not tell which logins exist. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verifyPassword(await dummyHash, password);
}
