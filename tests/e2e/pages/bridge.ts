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
