import { useEffect, useState } from 'react';
import type { BillingSetup } from '../../../../src-shared/billing/model';
import { call } from '../../api';

/** The clinic's billing set-up (money format, payment methods…), read once by a screen that needs it. */
export function useBillingSetup(): { setup: BillingSetup | null; error: string | null; reload: () => void } {
  const [setup, setSetup] = useState<BillingSetup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stale = false;
    void call('billing.setup', {}).then((result) => {
      if (stale) return;
      if (result.ok) setSetup(result.value);
      else setError(result.error.message);
    });
    return () => {
      stale = true;
    };
  }, [round]);
  return { setup, error, reload: () => setRound((value) => value + 1) };
}
