import type { BillingSetup } from '../../../../src-shared/billing/model';
import { useProcedure } from '../../hooks/useProcedure';

/** The clinic's billing set-up (money format, payment methods…), read once by a screen that needs it. */
export function useBillingSetup(): { setup: BillingSetup | null; error: string | null; reload: () => void } {
  const { value, error, reload } = useProcedure('billing.setup', {});
  return { setup: value, error: error?.message ?? null, reload };
}
