import { useState } from 'react';
import type { ReferralDirection } from '../../../../src-shared/referrals/model';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { NewReferralForm } from './NewReferralForm';
import { ReferralList } from './ReferralList';
import { ReferralTargetsForm } from './ReferralTargetsForm';
import '../tasks/tasks.css';

/** `#/referrals`: the referrals-in work list (urgent and oldest first, overdue said), and the letters out. */
export function ReferralsScreen() {
  const { t } = useTranslation('referrals');
  const canSetTargets = useSession((state) => state.can('settings:manage'));
  const [direction, setDirection] = useState<ReferralDirection>('in');
  const [closed, setClosed] = useState(false);
  const [adding, setAdding] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const read = useProcedure(
    'referrals.list',
    { direction, status: closed ? 'closed' : 'open' },
    { refreshOn: { 'referrals.changed': true, 'appointments.changed': true } },
  );
  const referrals = read.value ?? [];
  const overdue = referrals.filter((r) => r.targetState === 'overdue').length;

  return (
    <section className="tasks referrals">
      <h1>{t('ReferralsScreen.heading')}</h1>
      <div className="toolbar">
        <div role="group" aria-label={t('ReferralsScreen.which')} className="segmented">
          <button type="button" aria-pressed={direction === 'in'} onClick={() => setDirection('in')}>
            {t('ReferralsScreen.in')}
          </button>
          <button type="button" aria-pressed={direction === 'out'} onClick={() => setDirection('out')}>
            {t('ReferralsScreen.out')}
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={closed} onChange={(event) => setClosed(event.target.checked)} />
          {t('ReferralsScreen.showClosed')}
        </label>
        <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {adding ? t('ReferralsScreen.hideForm') : t('ReferralsScreen.record')}
        </button>
      </div>
      {adding && <NewReferralForm key={direction} direction={direction} onCreated={read.reload} />}
      <h2>{direction === 'in' ? t('ReferralsScreen.workList') : t('ReferralsScreen.outList')}</h2>
      {direction === 'in' && !closed && <p className="hint">{t('ReferralsScreen.hint', { count: overdue })}</p>}
      <ErrorMessage error={read.error} area={t('ReferralsScreen.heading')} />
      {read.value && referrals.length === 0 && <p>{t('ReferralsScreen.nothing')}</p>}
      <FormMessage success={said} />
      {referrals.length > 0 && (
        <ReferralList
          referrals={referrals}
          onChanged={(text) => {
            setSaid(text);
            read.reload();
          }}
        />
      )}
      {canSetTargets && <ReferralTargetsForm />}
    </section>
  );
}
