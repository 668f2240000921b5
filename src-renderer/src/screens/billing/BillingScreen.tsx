import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { Refusal } from '../../components/Refusal';
import { AccountScreen } from './AccountScreen';
import { CheckOutScreen } from './CheckOutScreen';
import { DrawerScreen } from './DrawerScreen';
import { BillingSetupScreen } from './setup/BillingSetupScreen';
import { JournalScreen } from './JournalScreen';
import { AgeingScreen } from './AgeingScreen';
import { ClaimScreen } from './ClaimScreen';
import { ClaimsScreen } from './ClaimsScreen';
import './billing.css';
import { useTranslation } from '../../i18n';

const ID = /^[0-9a-f-]{36}$/;

/** `#/billing` the drawer; `/journal` the payments journal; `/ageing` A/R ageing and statement batches; `/setup` billing set-up; `/claims` and `/claims/<id>` claims; `/checkout/<visitId>` check-out; `/account/<patientId>` a patient's account (`/pay`: the cursor in Take a payment). */
export function BillingScreen() {
  const { t } = useTranslation('billing');
  const detail = useHashDetail();
  const canWrite = useSession((state) => state.can('billing:write'));
  const canManage = useSession((state) => state.can('settings:manage'));
  const canClaims = useSession((state) => state.can('billing:claims'));
  const [first = '', second = '', third = ''] = detail.split('/');
  if (first === 'checkout' && ID.test(second))
    return canWrite ? <CheckOutScreen key={second} visitId={second} /> : <Refusal area="check-out" />;
  if (first === 'account' && ID.test(second))
    return <AccountScreen key={second} patientId={second} takePayment={third === 'pay'} />;
  if (first === 'setup') return canManage ? <BillingSetupScreen /> : <Refusal area={t('BillingScreen.billingSetUp')} />;
  if (first === 'journal') return <JournalScreen />;
  if (first === 'ageing') return <AgeingScreen />;
  if (first === 'claims' && !canClaims) return <Refusal area="claims" />;
  if (first === 'claims' && ID.test(second)) return <ClaimScreen key={second} claimId={second} />;
  if (first === 'claims') return <ClaimsScreen />;
  return <DrawerScreen />;
}
