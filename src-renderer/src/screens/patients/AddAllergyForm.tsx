import { useState, type SyntheticEvent } from 'react';
import { ALLERGY_SEVERITIES, type AllergySeverity } from '../../../../src-shared/api/areas/patients';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { useFormErrors } from '../../hooks/useFormErrors';
import { usePatients } from '../../stores/patients';

export function AddAllergyForm({ patientId }: { patientId: string }) {
  const show = usePatients((state) => state.show);
  const [substance, setSubstance] = useState('');
  const [reaction, setReaction] = useState('');
  const [severity, setSeverity] = useState<AllergySeverity>('unknown');
  const errors = useFormErrors();

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const result = await call('patients.addAllergy', { patientId, substance, reaction: reaction || null, severity });
    if (!result.ok) return errors.show(result.error);
    show(result.value);
    setSubstance('');
    setReaction('');
    setSeverity('unknown');
  }

  return (
    <form className="card" onSubmit={(event) => void submit(event)} noValidate aria-label="Add allergy">
      <h2>Add allergy</h2>
      <Field label="Substance" value={substance} onChange={(event) => setSubstance(event.target.value)} error={errors.errors.fields.substance} />
      <Field label="Reaction" value={reaction} onChange={(event) => setReaction(event.target.value)} error={errors.errors.fields.reaction} />
      <SelectField
        label="Severity"
        value={severity}
        options={ALLERGY_SEVERITIES.map((value) => ({ value, label: value }))}
        onChange={(event) => setSeverity(event.target.value as AllergySeverity)}
      />
      <FormMessage error={errors.errors.form} />
      <button type="submit">Add allergy</button>
    </form>
  );
}
