import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src-main/core/auth/passwords';

describe('password hashing', () => {
  it('uses argon2id with at least 19 MiB and two passes, salted', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(first, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
