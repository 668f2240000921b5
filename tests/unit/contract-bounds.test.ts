import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scanContract, scanSchema } from '../helpers/contract-walker';
import { BudgetExceeded, adversarialStrings, withinBudget } from '../helpers/adversarial-strings';

/** Per input: a linear pattern takes about a millisecond on 100 KB; a quadratic one takes seconds. */
const BUDGET_MS = 500;
/**
 * A busy machine can stall any process for a moment, so an input counts as slow only when it is over
 * budget every time; a linear pattern never is twice in a row, a quadratic one always is.
 */
const TRIES = 3;

function isSlow(run: (value: string) => void, input: string, tries: number): boolean {
  for (let attempt = 0; attempt < tries; attempt += 1) {
    try {
      withinBudget(run, input, BUDGET_MS);
      return false;
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
    }
  }
  return true;
}

describe('every string in the contract', () => {
  it('has a length limit, checked before any pattern or refinement runs on it', () => {
    const { problems } = scanContract();
    expect(problems.map((p) => `${p.procedure} ${p.path}: ${p.problem}`)).toEqual([]);
  });

  it('the walker notices a missing limit, a limit after the pattern, and one that does not stop the checks', () => {
    const unbounded = scanSchema(z.object({ a: z.string(), b: z.string().regex(/x/).max(5, { abort: true }) }));
    expect(unbounded.problems.map((p) => `${p.path}: ${p.problem}`)).toEqual([
      'a: a string without a length limit',
      'b: regex runs before a length limit that stops the checks',
    ]);
    const notStopping = scanSchema(
      z.object({
        c: z
          .string()
          .max(5)
          .refine((v) => v.length > 1),
      }),
    );
    expect(notStopping.problems.map((p) => p.path)).toEqual(['c']);
    expect(scanSchema(z.object({ d: z.string().max(5, { abort: true }).pipe(z.email()) })).problems).toEqual([]);
  });
});

describe('every pattern and string refinement in the contract', () => {
  // One shared rule is used in many places (every id has the same uuid pattern): test each once.
  const rules = [
    ...new Map(
      scanContract().rules.map((rule) => [
        rule.pattern ? `${rule.pattern.source}/${rule.pattern.flags}` : rule.check,
        rule,
      ]),
    ).values(),
  ];

  it('are found by the walker', () => {
    expect(rules.filter((rule) => rule.kind === 'pattern').length).toBeGreaterThanOrEqual(4);
    expect(rules.filter((rule) => rule.kind === 'refinement').length).toBeGreaterThan(10);
  });

  it.each(rules.map((rule) => [`${rule.procedure} ${rule.path} (${rule.pattern?.source ?? 'refinement'})`, rule]))(
    'runs in linear time on adversarial input: %s',
    (_label, rule) => {
      const slow = adversarialStrings(rule.pattern)
        .filter((input) => isSlow(rule.run, input, TRIES))
        .map((input) => `${JSON.stringify(input.slice(0, 12))}… (${input.length} characters)`);
      expect(slow).toEqual([]);
    },
  );

  it('catches the email pattern that froze every desk (quadratic on "a@" followed by dots)', () => {
    const old = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
    const attack = adversarialStrings(old).find((input) => isSlow((value) => void old.test(value), input, 1));
    expect(attack).toBeDefined();
    // And it is slow every time, not by chance.
    expect(isSlow((value) => void old.test(value), attack ?? '', TRIES)).toBe(true);
  });
});
