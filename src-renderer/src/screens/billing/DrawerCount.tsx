import { useState, type SyntheticEvent } from 'react';
import type { DrawerState, ZReport } from '../../../../src-shared/billing/model';
import { countedTotal } from '../../../../src-shared/billing/denominations';
import { formatMoney } from '../../../../src-shared/billing/money';
import type { Input } from '../../../../src-shared/api/contract';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { readAmount } from './money-field';
import { useTranslation } from '../../i18n';

/**
 * Counting the open drawer note by note (or as one total for a currency without a table), the
 * difference from what is expected worked out as typed; a difference needs a reason to close.
 */
export function DrawerCount({ state, onClosed }: { state: DrawerState; onClosed: (report: ZReport) => void }) {
  const { t } = useTranslation('billing');
  const { drawer, money, denominations } = state;
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [total, setTotal] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const byDenomination = denominations.map((denomination) => ({
    denominationMinor: denomination,
    count: /^\d{1,6}$/.test((counts[denomination] ?? '').trim()) ? Number(counts[denomination]) : 0,
  }));
  const badCount = denominations.find((d) => (counts[d] ?? '').trim() !== '' && !/^\d{1,6}$/.test(counts[d] ?? ''));
  const typedTotal = readAmount(total, money, { optional: true });
  const input = (drawerId: string): Input<'drawers.close'> => ({
    drawerId,
    ...(denominations.length > 0 ? { counts: byDenomination } : { countedMinor: typedTotal.minor ?? 0 }),
    overShortReason: reason.trim() || null,
  });
  /** What is wrong as typed: each count and the total as the clinic writes money, then main's rules. */
  const problems = (): Record<string, string> => ({
    ...(drawer ? draftProblems('drawers.close', input(drawer.id)) : {}),
    ...(badCount !== undefined && { [`count-${badCount}`]: t('DrawerCount.mustBeAWholeNumber') }),
    ...(denominations.length === 0 && typedTotal.problem && { countedMinor: typedTotal.problem }),
  });
  const { errors, show, showProblems, clear } = useFormErrors(
    {
      ...Object.fromEntries(denominations.map((denomination) => [`count-${denomination}`, counts[denomination] ?? ''])),
      counts,
      countedMinor: total,
      overShortReason: reason,
    },
    problems,
  );
  if (!drawer) return null;
  const counted = denominations.length > 0 ? countedTotal(byDenomination) : (typedTotal.minor ?? 0);
  const difference = counted - drawer.expectedCashMinor;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    if (!drawer) return;
    const local = problems();
    if (Object.keys(local).length > 0) {
      return showProblems(local, [
        ...denominations.map((d) => `count-${d}`),
        'overShortReason',
        'counts',
        'countedMinor',
      ]);
    }
    setBusy(true);
    const result = await call('drawers.close', input(drawer.id));
    setBusy(false);
    if (!result.ok) return show(result.error, ['overShortReason', 'counts', 'countedMinor']);
    onClosed(result.value);
  }

  return (
    <form aria-label={t('DrawerCount.countAndClose')} onSubmit={(event) => void submit(event)} noValidate>
      {denominations.length > 0 ? (
        <fieldset className="denominations">
          <legend>{t('DrawerCount.cashInTheDrawerBy')}</legend>
          {denominations.map((denomination) => (
            <Field
              key={denomination}
              label={`${formatMoney(denomination, money)} ×`}
              inputMode="numeric"
              value={counts[denomination] ?? ''}
              onChange={(event) => setCounts({ ...counts, [denomination]: event.target.value })}
              error={errors.fields[`count-${denomination}`]}
            />
          ))}
        </fieldset>
      ) : (
        <Field
          label={t('DrawerCount.cashCounted', { currency: money.currency })}
          inputMode="decimal"
          value={total}
          onChange={(event) => setTotal(event.target.value)}
          error={errors.fields.countedMinor}
        />
      )}
      <dl className="invoice-totals" aria-label={t('DrawerCount.countSoFar')}>
        <div>
          <dt>{t('DrawerCount.expected')}</dt>
          <dd>{formatMoney(drawer.expectedCashMinor, money)}</dd>
        </div>
        <div>
          <dt>{t('DrawerCount.counted')}</dt>
          <dd>{formatMoney(counted, money)}</dd>
        </div>
        <div>
          <dt>
            {difference < 0
              ? t('DrawerCount.short')
              : difference > 0
                ? t('DrawerCount.over')
                : t('DrawerCount.difference')}
          </dt>
          <dd>{formatMoney(difference, money)}</dd>
        </div>
      </dl>
      <Field
        label={t('DrawerCount.reasonForTheDifference')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={errors.fields.overShortReason}
        maxLength={300}
        hint={difference === 0 ? t('DrawerCount.onlyNeededWhenTheCount') : t('DrawerCount.requiredTheCountDiffersFrom')}
      />
      <FormMessage error={errors.form} />
      <button type="submit" className="primary" disabled={busy}>
        {t('DrawerCount.closeDrawer')}
      </button>
    </form>
  );
}
