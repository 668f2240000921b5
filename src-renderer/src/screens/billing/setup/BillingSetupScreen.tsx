import { BillingLinks } from '../BillingLinks';
import { useBillingSetup } from '../useBillingSetup';
import { MethodsSection } from './MethodsSection';
import { SchedulesSection } from './SchedulesSection';
import { ServicesSection } from './ServicesSection';
import { SettingsSection } from './SettingsSection';
import { TaxesSection } from './TaxesSection';
import { TypeServicesSection } from './TypeServicesSection';

/** `#/billing/setup` (managers and administrators): what is charged, how it is paid, the lock date and invoice numbering. */
export function BillingSetupScreen() {
  const { setup, error, reload } = useBillingSetup();
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  if (!setup) return <p>Loading the billing set-up…</p>;
  const money = setup.settings.money;
  return (
    <section className="billing-setup" aria-labelledby="billing-setup-title">
      <h1 id="billing-setup-title">Billing set-up</h1>
      <BillingLinks current="setup" />
      <p className="lead">
        Money is written as {money.locale} writes {money.currency}. Changes apply to invoices issued from now on; issued
        invoices never change.
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
