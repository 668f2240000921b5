import { useState, type SyntheticEvent } from 'react';
import type { PaymentMethodView } from '../../../../../src-shared/billing/model';
import { PAYMENT_METHOD_KINDS, type PaymentMethodKind } from '../../../../../src-shared/billing/reason-codes';
import { call } from '../../../api';
import { Field } from '../../../components/Field';
import { FormMessage } from '../../../components/FormMessage';
import { SelectField } from '../../../components/SelectField';
import { useFormErrors } from '../../../hooks/useFormErrors';

const KIND_LABELS: Record<PaymentMethodKind, string> = {
  cash: 'Cash (needs the drawer open)',
  card: 'Card (terminal reference only)',
  cheque: 'Cheque',
  bank_transfer: 'Bank transfer',
  insurance: 'Insurance',
  other: 'Other',
};
const isKind = (value: string): value is PaymentMethodKind =>
  (PAYMENT_METHOD_KINDS as readonly string[]).includes(value);

/** Payment methods the desk chooses from: added, renamed, retired (payments taken by them keep their name). */
export function MethodsSection({ methods, onSaved }: { methods: readonly PaymentMethodView[]; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PaymentMethodKind>('card');
  const [saved, setSaved] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors({ name, kind });

  async function save(input: { methodId?: string; name: string; kind: PaymentMethodKind; active?: boolean }) {
    clear();
    setSaved(null);
    const result = await call('billing.saveMethod', input);
    if (!result.ok) return show(result.error, ['name', 'kind']);
    setSaved(`Saved ${result.value.name}.`);
    if (!input.methodId) setName('');
    onSaved();
  }

  return (
    <section className="card billing-card" aria-labelledby="methods-title">
      <h2 id="methods-title">Payment methods</h2>
      <table className="ledger" aria-label="Payment methods">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {methods.map((method) => (
            <tr key={method.id}>
              <td>{method.name}</td>
              <td>{KIND_LABELS[method.kind]}</td>
              <td>{method.active ? 'Active' : 'Retired'}</td>
              <td>
                <button
                  type="button"
                  onClick={() =>
                    void save({ methodId: method.id, name: method.name, kind: method.kind, active: !method.active })
                  }
                  aria-label={`${method.active ? 'Retire' : 'Bring back'} ${method.name}`}
                >
                  {method.active ? 'Retire' : 'Bring back'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        aria-label="Add payment method"
        onSubmit={(event: SyntheticEvent) => {
          event.preventDefault();
          void save({ name, kind });
        }}
        noValidate
      >
        <div className="billing-fields">
          <Field
            label="Method name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.fields.name}
          />
          <SelectField
            label="Kind"
            value={kind}
            options={PAYMENT_METHOD_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
            onChange={(e) => isKind(e.target.value) && setKind(e.target.value)}
            error={errors.fields.kind}
          />
        </div>
        <FormMessage error={errors.form} success={saved} />
        <button type="submit" className="primary">
          Add payment method
        </button>
      </form>
    </section>
  );
}
