import { useState, type SyntheticEvent } from 'react';
import type { BillingSettings } from '../../../../../src-shared/billing/model';
import type { Input } from '../../../../../src-shared/api/contract';
import { call } from '../../../api';
import { Field, TextAreaField } from '../../../components/Field';
import { DateField } from '../../../components/DateField';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { useCheckedSave } from '../../../hooks/useCheckedSave';
import { draftProblems } from '../../../hooks/useFormErrors';
import { useTranslation } from '../../../i18n';

const SETTINGS_FIELDS = ['clinicAddress', 'taxNumber', 'locale', 'taxRounding', 'lockDate', 'paymentTermsDays'];

/** The clinic's billing settings (address and tax number on every PDF, how money is written, the lock date) and this desk's series. */
export function SettingsSection({ settings, onSaved }: { settings: BillingSettings; onSaved: () => void }) {
  const { t } = useTranslation('billing');
  const [form, setForm] = useState({
    clinicAddress: settings.clinicAddress ?? '',
    taxNumber: settings.taxNumber ?? '',
    locale: settings.money.locale,
    taxRounding: settings.taxRounding,
    lockDate: settings.lockDate ?? '',
    paymentTermsDays: String(settings.paymentTermsDays),
  });
  const [desk, setDesk] = useState({ name: settings.desk.name, seriesPrefix: settings.desk.seriesPrefix });
  const settingsInput = (): Input<'billing.updateSettings'> => ({
    clinicAddress: form.clinicAddress,
    taxNumber: form.taxNumber,
    locale: form.locale,
    taxRounding: form.taxRounding === 'per_invoice' ? 'per_invoice' : 'per_line',
    lockDate: form.lockDate.trim() === '' ? null : form.lockDate,
    // Days as typed: anything but a whole number goes as NaN, which main's schema refuses in its own words.
    paymentTermsDays: /^\d{1,3}$/.test(form.paymentTermsDays.trim()) ? Number(form.paymentTermsDays) : Number.NaN,
  });
  const settingsProblems = () => draftProblems('billing.updateSettings', settingsInput());
  const deskProblems = () => draftProblems('billing.updateDesk', desk);
  const settingsSave = useCheckedSave(form, settingsProblems, SETTINGS_FIELDS);
  const deskSave = useCheckedSave(desk, deskProblems, ['name', 'seriesPrefix']);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  async function saveSettings(event: SyntheticEvent) {
    event.preventDefault();
    if (
      await settingsSave.save(
        () => call('billing.updateSettings', settingsInput()),
        () => t('SettingsSection.billingSettingsSaved'),
      )
    )
      onSaved();
  }

  async function saveDesk(event: SyntheticEvent) {
    event.preventDefault();
    const done = await deskSave.save(
      () => call('billing.updateDesk', desk),
      (answer) => t('SettingsSection.thisDeskSNextInvoice', { nextNumber: answer.desk.nextNumber }),
    );
    if (done) onSaved();
  }

  const e = settingsSave.errors;
  const saved = settingsSave.saved;
  const deskSaved = deskSave.saved;
  return (
    <div className="checkout-columns">
      <form
        className="card billing-card"
        aria-label={t('SettingsSection.billingSettings')}
        onSubmit={(ev) => void saveSettings(ev)}
        noValidate
      >
        <h2>{t('SettingsSection.billingSettings')}</h2>
        <div className="billing-fields">
          <TextAreaField
            label={t('SettingsSection.clinicAddressOnInvoices')}
            value={form.clinicAddress}
            onChange={set('clinicAddress')}
            error={e.fields.clinicAddress}
            rows={3}
          />
          <Field
            label={t('SettingsSection.taxNumber')}
            value={form.taxNumber}
            onChange={set('taxNumber')}
            error={e.fields.taxNumber}
          />
        </div>
        <div className="billing-fields">
          <Field
            label={t('SettingsSection.moneyWrittenAsLocale')}
            value={form.locale}
            onChange={set('locale')}
            error={e.fields.locale}
            hint={t('SettingsSection.enGbWrites1234')}
          />
          <SelectField
            label={t('SettingsSection.taxRounded')}
            value={form.taxRounding}
            options={[
              { value: 'per_line', label: t('SettingsSection.onEachLine') },
              { value: 'per_invoice', label: t('SettingsSection.oncePerInvoice') },
            ]}
            onChange={set('taxRounding')}
            error={e.fields.taxRounding}
          />
        </div>
        <div className="billing-fields">
          <DateField
            label={t('SettingsSection.lockDate')}
            value={form.lockDate}
            onChange={(value) => setForm({ ...form, lockDate: value })}
            error={e.fields.lockDate}
            hint={t('SettingsSection.nothingIsEnteredReversedOr')}
          />
          <Field
            label={t('SettingsSection.paymentTermsDays')}
            inputMode="numeric"
            value={form.paymentTermsDays}
            onChange={set('paymentTermsDays')}
            error={e.fields.paymentTermsDays}
          />
        </div>
        <FormMessage error={e.form} success={saved} />
        <button type="submit" className="primary">
          {t('SettingsSection.saveBillingSettings')}
        </button>
      </form>
      <form
        className="card billing-card"
        aria-label={t('SettingsSection.thisDesk')}
        onSubmit={(ev) => void saveDesk(ev)}
        noValidate
      >
        <h2>{t('SettingsSection.thisDesk')}</h2>
        <Field
          label={t('SettingsSection.deskName')}
          value={desk.name}
          onChange={(ev) => setDesk({ ...desk, name: ev.target.value })}
          error={deskSave.errors.fields.name}
        />
        <Field
          label={t('SettingsSection.invoiceSeriesPrefix')}
          value={desk.seriesPrefix}
          onChange={(ev) => setDesk({ ...desk, seriesPrefix: ev.target.value })}
          error={deskSave.errors.fields.seriesPrefix}
          maxLength={6}
          hint={t('SettingsSection.eachDeskItsOwnSo', { nextNumber: settings.desk.nextNumber })}
        />
        <FormMessage error={deskSave.errors.form} success={deskSaved} />
        <button type="submit" className="primary">
          {t('SettingsSection.saveDesk')}
        </button>
      </form>
    </div>
  );
}
