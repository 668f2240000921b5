import { useEffect, useState, type SyntheticEvent } from 'react';
import type { ReferralTargets } from '../../../../src-shared/referrals/model';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';

const FIELDS = ['urgentDays', 'soonDays', 'routineDays'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

const asTargets = (draft: Draft): ReferralTargets => ({
  urgentDays: Number(draft.urgentDays),
  soonDays: Number(draft.soonDays),
  routineDays: Number(draft.routineDays),
});

/** The clinic's target days from a letter to an appointment, per urgency (managers and administrators). */
export function ReferralTargetsForm() {
  const { t } = useTranslation('referrals');
  const read = useProcedure('referrals.targets', {});
  const [draft, setDraft] = useState<Draft>({ urgentDays: '', soonDays: '', routineDays: '' });
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (read.value) {
      setDraft({
        urgentDays: String(read.value.urgentDays),
        soonDays: String(read.value.soonDays),
        routineDays: String(read.value.routineDays),
      });
    }
  }, [read.value]);
  const problems = () => draftProblems('referrals.saveTargets', asTargets(draft));
  const errors = useFormErrors(draft, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    setSaved(null);
    const local = problems();
    if (Object.keys(local).length > 0) return errors.showProblems(local, [...FIELDS]);
    const result = await call('referrals.saveTargets', asTargets(draft));
    if (!result.ok) return errors.show(result.error, [...FIELDS]);
    setSaved(t('ReferralTargetsForm.saved'));
    read.reload();
  }

  return (
    <details className="card wide">
      <summary>{t('ReferralTargetsForm.heading')}</summary>
      <form noValidate aria-label={t('ReferralTargetsForm.heading')} onSubmit={(event) => void submit(event)}>
        {FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`ReferralTargetsForm.${field}`)}
            type="number"
            min={0}
            max={365}
            value={draft[field]}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            error={errors.errors.fields[field]}
          />
        ))}
        <FormMessage error={errors.errors.form} success={saved} />
        <button type="submit">{t('ReferralTargetsForm.save')}</button>
      </form>
    </details>
  );
}
