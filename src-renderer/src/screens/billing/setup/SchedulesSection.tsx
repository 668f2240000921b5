import { useState, type SyntheticEvent } from 'react';
import type { FeeScheduleView, ServiceView } from '../../../../../src-shared/billing/model';
import { formatMoney, type MoneyFormat } from '../../../../../src-shared/billing/money';
import type { Input } from '../../../../../src-shared/api/contract';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../../hooks/useFormErrors';
import { amountText, readAmount } from '../money-field';
import { useTranslation } from '../../../i18n';

interface SchedulesSectionProps {
  schedules: readonly FeeScheduleView[];
  services: readonly ServiceView[];
  money: MoneyFormat;
  onSaved: () => void;
}

/** Fee schedules: self-pay and one per insurer, each pricing the services it names (the rest at their default). */
export function SchedulesSection({ schedules, services, money, onSaved }: SchedulesSectionProps) {
  const { t } = useTranslation('billing');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = schedules.find((schedule) => schedule.id === chosenId) ?? null;
  const [form, setForm] = useState({ name: '', payer: '' });
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  /** The schedule as it would go, with what was typed wrong in a price (as the clinic writes money). */
  const typed = () => {
    const sent: Record<string, number | null> = {};
    const typing: Record<string, string> = {};
    for (const service of services) {
      const price = readAmount(prices[service.id] ?? '', money, { optional: true });
      if (price.problem) typing[`prices.${service.id}`] = price.problem;
      if (price.minor !== undefined) sent[service.id] = price.minor;
      else if (chosen?.prices[service.id] !== undefined) sent[service.id] = null;
    }
    const input: Input<'fees.saveSchedule'> = {
      ...(chosen && { scheduleId: chosen.id }),
      name: form.name,
      payer: form.payer.trim() || null,
      prices: sent,
    };
    return { input, typing };
  };
  const problems = (): Record<string, string> => {
    const { input, typing } = typed();
    return { ...draftProblems('fees.saveSchedule', input), ...typing };
  };
  const { errors, show, showProblems, clear } = useFormErrors({ ...form, prices }, problems);
  const shown = ['name', 'payer', ...services.map((s) => `prices.${s.id}`)];

  function choose(schedule: FeeScheduleView | null) {
    clear();
    setSaved(null);
    setChosenId(schedule?.id ?? null);
    setForm({ name: schedule?.name ?? '', payer: schedule?.payer ?? '' });
    setPrices(
      Object.fromEntries(
        services.map((service) => {
          const price = schedule?.prices[service.id];
          return [service.id, price === undefined ? '' : amountText(price, money)];
        }),
      ),
    );
  }

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, shown);
    const result = await call('fees.saveSchedule', typed().input);
    if (!result.ok) return show(result.error, shown);
    setSaved(t('SchedulesSection.saved', { name: result.value.name }));
    setChosenId(result.value.id);
    onSaved();
  }

  return (
    <section className="card billing-card" aria-labelledby="schedules-title">
      <h2 id="schedules-title">{t('SchedulesSection.feeSchedules')}</h2>
      <div className="row-actions">
        {schedules.map((schedule) => (
          <button
            key={schedule.id}
            type="button"
            aria-pressed={schedule.id === chosenId}
            onClick={() => choose(schedule)}
          >
            {schedule.name} ({schedule.payer ?? 'self-pay'})
          </button>
        ))}
        <button type="button" onClick={() => choose(null)}>
          {t('SchedulesSection.newFeeSchedule')}
        </button>
      </div>
      <form
        aria-label={
          chosen ? t('SchedulesSection.feeSchedule', { chosenName: chosen.name }) : t('SchedulesSection.newFeeSchedule')
        }
        onSubmit={(e) => void save(e)}
        noValidate
      >
        <div className="billing-fields">
          <Field
            label={t('SchedulesSection.scheduleName')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            error={errors.fields.name}
          />
          <Field
            label={t('SchedulesSection.payerEmptySelfPay')}
            value={form.payer}
            onChange={(e) => setForm({ ...form, payer: e.target.value })}
            error={errors.fields.payer}
            hint={t('SchedulesSection.matchedToTheInsurerOn')}
          />
        </div>
        <fieldset className="schedule-prices">
          <legend>{t('SchedulesSection.pricesEmptyTheServiceS')}</legend>
          {services.map((service) => (
            <Field
              key={service.id}
              label={`${service.code} (default ${formatMoney(service.defaultPriceMinor, money)})`}
              inputMode="decimal"
              value={prices[service.id] ?? ''}
              onChange={(e) => setPrices({ ...prices, [service.id]: e.target.value })}
              error={errors.fields[`prices.${service.id}`]}
            />
          ))}
        </fieldset>
        <FormMessage error={errors.form} success={saved} />
        <button type="submit" className="primary">
          {t('SchedulesSection.saveFeeSchedule')}
        </button>
      </form>
    </section>
  );
}
