import { useState, type SyntheticEvent } from 'react';
import type { PaymentMethodView } from '../../../../../src-shared/billing/model';
import { PAYMENT_METHOD_KINDS, type PaymentMethodKind } from '../../../../../src-shared/billing/reason-codes';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { draftProblems, useFormErrors } from '../../../hooks/useFormErrors';
import { i18next, useTranslation } from '../../../i18n';

const KIND_LABELS: Record<PaymentMethodKind, string> = {
  get cash() {
    return i18next.t('billing:MethodsSection.cashNeedsTheDrawerOpen');
  },
  get card() {
    return i18next.t('billing:MethodsSection.cardTerminalReferenceOnly');
  },
  get cheque() {
    return i18next.t('billing:MethodsSection.cheque');
  },
  get bank_transfer() {
    return i18next.t('billing:MethodsSection.bankTransfer');
  },
  get insurance() {
    return i18next.t('billing:MethodsSection.insurance');
  },
  get other() {
    return i18next.t('billing:MethodsSection.other');
  },
};
const isKind = (value: string): value is PaymentMethodKind =>
  (PAYMENT_METHOD_KINDS as readonly string[]).includes(value);

/** Payment methods the desk chooses from: added, renamed, retired (payments taken by them keep their name). */
export function MethodsSection({ methods, onSaved }: { methods: readonly PaymentMethodView[]; onSaved: () => void }) {
  const { t } = useTranslation('billing');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PaymentMethodKind>('card');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, show, showProblems, clear } = useFormErrors({ name, kind }, () =>
    draftProblems('billing.saveMethod', { name, kind }),
  );

  async function save(input: { methodId?: string; name: string; kind: PaymentMethodKind; active?: boolean }) {
    clear();
    setSaved(null);
    const local = draftProblems('billing.saveMethod', input);
    if (Object.keys(local).length > 0) return showProblems(local, ['name', 'kind']);
    const result = await call('billing.saveMethod', input);
    if (!result.ok) return show(result.error, ['name', 'kind']);
    setSaved(t('MethodsSection.saved', { name: result.value.name }));
    if (!input.methodId) setName('');
    onSaved();
  }

  return (
    <section className="card billing-card" aria-labelledby="methods-title">
      <h2 id="methods-title">{t('MethodsSection.paymentMethods')}</h2>
      <table className="ledger" aria-label={t('MethodsSection.paymentMethods')}>
        <thead>
          <tr>
            <th scope="col">{t('MethodsSection.name')}</th>
            <th scope="col">{t('MethodsSection.kind')}</th>
            <th scope="col">{t('MethodsSection.state')}</th>
            <th scope="col">{t('MethodsSection.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {methods.map((method) => (
            <tr key={method.id}>
              <td>{method.name}</td>
              <td>{KIND_LABELS[method.kind]}</td>
              <td>{method.active ? t('MethodsSection.active') : t('MethodsSection.retired')}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void save({ methodId: method.id, name: method.name, kind: method.kind, active: !method.active })
                  }
                  aria-label={`${method.active ? t('MethodsSection.retire') : t('MethodsSection.bringBack')} ${method.name}`}
                >
                  {method.active ? t('MethodsSection.retire') : t('MethodsSection.bringBack')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label={t('MethodsSection.addPaymentMethod')}
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          void save({ name, kind });
        }}
        noValidate
      >
        <div className="billing-fields">
          <Field
            label={t('MethodsSection.methodName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.fields.name}
          />
          <SelectField
            label={t('MethodsSection.kind')}
            value={kind}
            options={PAYMENT_METHOD_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
            onChange={(e) => isKind(e.target.value) && setKind(e.target.value)}
            error={errors.fields.kind}
          />
        </div>
        <FormMessage error={errors.form} success={saved} />
        <button type="submit" className="primary">
          {t('MethodsSection.addPaymentMethod')}
        </button>
      </form>
    </section>
  );
}
