import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { savePdf } from './pdf';
import { useTranslation } from '../../i18n';

/** A statement for a date range, with ageing, as a PDF. */
export function StatementForm({ patientId, today }: { patientId: string; today: string }) {
  const { t } = useTranslation('billing');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [saved, setSaved] = useState<string | null>(null);
  const problems = () => draftProblems('statements.pdf', { patientId, from, to });
  const { errors, show, showProblems, clear } = useFormErrors({ from, to }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['from', 'to']);
    const result = await call('statements.pdf', { patientId, from, to });
    if (!result.ok) return show(result.error, ['from', 'to']);
    savePdf(result.value);
    setSaved(t('StatementForm.saved', { fileName: result.value.fileName }));
  }

  return (
    <form
      aria-label={t('StatementForm.statement')}
      className="billing-fields"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <DateField
        label={t('StatementForm.from')}
        value={from}
        onChange={(value) => setFrom(value)}
        error={errors.fields.from}
      />
      <DateField label={t('StatementForm.to')} value={to} onChange={(value) => setTo(value)} error={errors.fields.to} />
      <div className="field">
        <button type="submit">{t('StatementForm.saveStatementPdf')}</button>
      </div>
      <FormMessage error={errors.form} success={saved} />
    </form>
  );
}
