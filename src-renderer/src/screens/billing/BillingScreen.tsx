import { useHashDetail } from '../../hooks/useHashRoute';
import { useSession } from '../../stores/session';
import { Refusal } from '../../components/Refusal';
import { AccountScreen } from './AccountScreen';
import { CheckOutScreen } from './CheckOutScreen';
import { DrawerScreen } from './DrawerScreen';
import { BillingSetupScreen } from './setup/BillingSetupScreen';
import { JournalScreen } from './JournalScreen';
import './billing.css';

const ID = /^[0-9a-f-]{36}$/;

/** `#/billing` the drawer; `/journal` the payments journal; `/setup` billing set-up; `/checkout/<visitId>` check-out; `/account/<patientId>` a patient's account. */
export function BillingScreen() {
  const detail = useHashDetail();
  const canWrite = useSession((state) => state.can('billing:write'));
  const canManage = useSession((state) => state.can('settings:manage'));
  const [first = '', second = ''] = detail.split('/');
  if (first === 'checkout' && ID.test(second))
    return canWrite ? <CheckOutScreen key={second} visitId={second} /> : <Refusal area="check-out" />;
  if (first === 'account' && ID.test(second)) return <AccountScreen key={second} patientId={second} />;
  if (first === 'setup') return canManage ? <BillingSetupScreen /> : <Refusal area="billing set-up" />;
  if (first === 'journal') return <JournalScreen />;
  return <DrawerScreen />;
}
