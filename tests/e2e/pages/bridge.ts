import type { Page } from '@playwright/test';
import type { Result } from '../../../src-shared/api/errors';
import type { ClinicBridge } from '../../../src-shared/bridge';

/** `window.clinic` inside page.evaluate (the tests compile without the DOM library). */
export type PageGlobals = { clinic?: ClinicBridge };

/**
 * One procedure call through the page's own bridge (`window.clinic`), as the signed-in screen would
 * make it: the answer as it came, refusal included.
 */
export async function invokeResult(page: Page, name: string, input: unknown): Promise<Result<unknown>> {
  return page.evaluate(
    async ({ name, input }) => {
      const clinic = (globalThis as unknown as PageGlobals).clinic;
      if (!clinic) throw new Error('no bridge');
      return clinic.invoke(name, input);
    },
    { name, input },
  );
}

/**
 * One procedure call through the page's bridge, for setting up data quicker than the screens would:
 * its value, or an error naming the procedure and main's reason when it is refused.
 */
export async function invoke<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  const result = await invokeResult(page, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

/** A procedure call to make: its name and input. */
export interface Call {
  name: string;
  input: unknown;
}

/**
 * Many calls in one page.evaluate, made one after another in the order given (bulk data: one round
 * trip from the test to the page instead of one a call): their values, or an error naming the first
 * procedure refused and main's reason, the calls after it not made.
 */
export async function invokeEach(page: Page, calls: readonly Call[]): Promise<unknown[]> {
  return page.evaluate(async (calls) => {
    const clinic = (globalThis as unknown as PageGlobals).clinic;
    if (!clinic) throw new Error('no bridge');
    const values: unknown[] = [];
    for (const { name, input } of calls) {
      const result = await clinic.invoke(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      values.push(result.value);
    }
    return values;
  }, calls);
}
