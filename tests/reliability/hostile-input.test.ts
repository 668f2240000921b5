/**
 * Every procedure, fed random and hostile input by a caller whose role allows everything: no INTERNAL,
 * no hang, no row written by a refused call, every VALIDATION names a field. `npm test` runs a modest
 * count; `npm run test:hostile` (HOSTILE_RUNS=200) a larger one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../src-shared/api/errors';
import { procedures } from '../helpers/contract-walker';
import { corrupt, hostileValue } from '../helpers/hostile-values';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { arbitraryFor } from '../helpers/zod-arbitrary';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);
/** Per call: a password check (argon2) is the slowest honest thing a refused call does. */
const CALL_BUDGET_MS = 5_000;
const ADMIN_CLIENT = 'hostile-admin';
/** Sign-in procedures are called from a window with no session, so they cannot sign the admin out or lock it. */
const STRANGER = 'hostile-stranger';
/** Their failures are kept on purpose (a wrong password is counted and audited although the call fails). */
const KEEPS_FAILURES = new Set(['auth.login', 'auth.unlock']);

let clinic: TestClinic;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok(ADMIN_CLIENT, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
});
afterAll(async () => {
  await clinic.close();
});

function totalChanges(): number {
  return clinic.core.database.handle.prepare('SELECT total_changes()').pluck().get() as number;
}

function tableCounts(): Record<string, number> {
  const handle = clinic.core.database.handle;
  const tables = handle
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, handle.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]),
  );
}

async function withinBudget(call: Promise<Result<unknown>>): Promise<Result<unknown> | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), CALL_BUDGET_MS)));
  try {
    return await Promise.race([call, hung]);
  } finally {
    clearTimeout(timer);
  }
}

describe('hostile input to every procedure', () => {
  let counts: Record<string, number> = {};
  beforeAll(() => {
    counts = tableCounts();
  });

  it.each(procedures().map((p) => [p.name, p] as const))('%s', async (name, procedure) => {
    const client = name.startsWith('auth.') || name.startsWith('system.') ? STRANGER : ADMIN_CLIENT;
    const input = fc.oneof(
      { weight: 2, arbitrary: arbitraryFor(procedure.input) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(arbitraryFor(procedure.input), fc.nat(), hostileValue, fc.boolean())
          .map(([valid, place, hostile, addKey]) => corrupt(valid, place, hostile, addKey)),
      },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = totalChanges();
        const started = performance.now();
        const result = await withinBudget(clinic.core.invoke(client, name, value));
        const took = performance.now() - started;
        expect(result, `${name} did not answer within ${CALL_BUDGET_MS} ms`).not.toBe('hung');
        if (result === 'hung') return;
        expect(took).toBeLessThan(CALL_BUDGET_MS);
        if (result.ok) {
          if (totalChanges() !== before) counts = tableCounts();
          return;
        }
        expect(result.error.code, result.error.message).not.toBe('INTERNAL');
        if (result.error.code === 'VALIDATION') {
          const fields = Object.keys(result.error.details?.fields ?? {});
          expect(fields.length, result.error.message).toBeGreaterThan(0);
          for (const field of fields) expect(field).toMatch(/^(input|[^.\s]+(\.[^.\s]+)*)$/);
        }
        if (KEEPS_FAILURES.has(name)) {
          counts = tableCounts();
          return;
        }
        // A refused call writes nothing: usually nothing ran at all; if a statement ran, it was rolled back.
        if (totalChanges() !== before) expect(tableCounts()).toEqual(counts);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The session it ran under is still the admin's, signed in and unlocked.
    expect(await clinic.call(ADMIN_CLIENT, 'auth.session', {})).toMatchObject({ ok: true, value: { locked: false } });
  });

  it('left no polluted prototype behind', () => {
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(probe.isAdmin).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
