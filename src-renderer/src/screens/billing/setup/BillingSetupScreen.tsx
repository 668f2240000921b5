import { BillingLinks } from '../BillingLinks';
import { useBillingSetup } from '../useBillingSetup';
import { MethodsSection } from './MethodsSection';
import { SchedulesSection } from './SchedulesSection';
import { ServicesSection } from './ServicesSection';
import { SettingsSection } from './SettingsSection';
import { TaxesSection } from './TaxesSection';
import { TypeServicesSection } from './TypeServicesSection';
import { useTranslation } from '../../../i18n';
import { formatMoney } from '../../../../../src-shared/billing/money';

/** `#/billing/setup` (managers and administrators): what is charged, how it is paid, the lock date and invoice numbering. */
export function BillingSetupScreen() {
  const { t } = useTranslation('billing');
  const { setup, error, reload } = useBillingSetup();
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!setup) return <p>{t('BillingSetupScreen.loadingTheBillingSetUp')}</p>;
  const money = setup.settings.money;
  return (
    <section className="billing-setup" aria-labelledby="billing-setup-title">
      <h1 id="billing-setup-title">{t('BillingSetupScreen.billingSetUp')}</h1>
      <BillingLinks current="setup" />
      <p className="lead">
        {t('BillingSetupScreen.amountsAreInWritten', {
          currency: money.currency,
          example: formatMoney(123_450, money),
          locale: money.locale,
        })}
      </p>
      <SettingsSection settings={setup.settings} onSaved={reload} />
      <TaxesSection taxes={setup.taxes} onSaved={reload} />
      <ServicesSection services={setup.services} taxes={setup.taxes} money={money} onSaved={reload} />
      <TypeServicesSection typeServices={setup.typeServices} services={setup.services} onSaved={reload} />
      <SchedulesSection schedules={setup.schedules} services={setup.services} money={money} onSaved={reload} />
      <MethodsSection methods={setup.methods} onSaved={reload} />
    </section>
  );
}
