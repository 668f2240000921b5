import { useState } from 'react';
import type { ServiceView, TypeServicesView } from '../../../../../src-shared/billing/model';
import { refusedDraft } from '../../../draft-refusal';
import { call } from '../../../api';
import { FormMessage } from '../../../components/FormMessage';
import { useTranslation } from '../../../i18n';

interface TypeServicesSectionProps {
  typeServices: readonly TypeServicesView[];
  services: readonly ServiceView[];
  onSaved: () => void;
}

/** What each appointment type's visit is charged by default: the check-out screen starts its invoice from these. */
export function TypeServicesSection({ typeServices, services, onSaved }: TypeServicesSectionProps) {
  const { t } = useTranslation('billing');
  const [error, setError] = useState<string | null>(null);
  const active = services.filter((service) => service.active);

  async function toggle(type: TypeServicesView, serviceId: string, on: boolean) {
    setError(null);
    const next = on
      ? [...type.services, { serviceId, quantity: 1 }]
      : type.services.filter((service) => service.serviceId !== serviceId);
    const input = { typeId: type.typeId, services: next };
    // A tick main would refuse (too many services) is refused here in main's words, and nothing is sent.
    const refused = refusedDraft('fees.setTypeServices', input);
    if (refused) return setError(refused.message);
    const result = await call('fees.setTypeServices', input);
    if (!result.ok) return setError(result.error.message);
    onSaved();
  }

  return (
    <section className="card billing-card" aria-labelledby="type-services-title">
      <h2 id="type-services-title">{t('TypeServicesSection.servicesChargedPerAppointmentType')}</h2>
      {typeServices.map((type) => (
        <fieldset key={type.typeId} className="type-services">
          <legend>{type.typeName}</legend>
          {active.map((service) => (
            <label key={service.id} className="checkbox">
              <input
                type="checkbox"
                checked={type.services.some((chosen) => chosen.serviceId === service.id)}
                onChange={(event) => void toggle(type, service.id, event.target.checked)}
              />{' '}
              {service.code} · {service.name}
            </label>
          ))}
          {active.length === 0 && <p className="muted">{t('TypeServicesSection.addAServiceFirst')}</p>}
        </fieldset>
      ))}
      {typeServices.length === 0 && <p className="muted">{t('TypeServicesSection.noAppointmentTypesYetScheduling')}</p>}
      <FormMessage error={error} />
    </section>
  );
}
