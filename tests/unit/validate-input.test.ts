import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateInput } from '../../src-main/core/api/validate';
import { ApiError } from '../../src-shared/api/errors';
import { id } from '../../src-shared/validation';

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.details?.fields ?? {};
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('validateInput', () => {
  const prices = z.object({ prices: z.record(id('a service'), z.number()) });

  it('names a map key with dots or spaces as one segment, so the path splits back into what was sent', () => {
    const fields = fieldsOf(() => validateInput(prices, { prices: { 'a b.c%': 1 } }));
    expect(Object.keys(fields)).toEqual(['prices.a%20b%2ec%25']);
    expect(Object.keys(fields)[0]?.split('.')).toHaveLength(2);
  });

  it('names an empty map key ""', () => {
    expect(Object.keys(fieldsOf(() => validateInput(prices, { prices: { '': 1 } })))).toEqual(['prices.""']);
  });

  it('refuses, naming the input, an object whose `length` makes zod throw (found by the hostile suite)', () => {
    const name = z.object({ name: z.string().trim().min(1) });
    const length = Object.create(null) as Record<string, unknown>;
    length.x = 1;
    expect(fieldsOf(() => validateInput(name, { name: { length: [length, null] } }))).toEqual({
      input: 'is not in the shape this procedure takes',
    });
  });

  it('keeps ordinary paths as they are', () => {
    const fields = fieldsOf(() =>
      validateInput(z.object({ lines: z.array(z.object({ qty: z.number() })) }), { lines: [{}] }),
    );
    expect(fields).toEqual({ 'lines.0.qty': 'is required' });
  });
});
