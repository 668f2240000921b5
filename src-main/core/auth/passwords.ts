import { hash, verify, type Options } from '@node-rs/argon2';

/** argon2id at OWASP's minimum: 19 MiB, two passes. */
// `Algorithm` is a const enum, which isolated modules cannot read; 2 is its Argon2id.
const ARGON2ID = 2 as NonNullable<Options['algorithm']>;
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

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
