import { useState, type SyntheticEvent } from 'react';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { FormMessage } from '../../components/FormMessage';
import { SelectField } from '../../components/SelectField';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { endOfClinicDay, startOfClinicDay } from '../../format/datetime';
import type { AuditFilter } from './AuditScreen';
import { useClinicClock } from '../../stores/clinic-settings';
import { i18next, useTranslation } from '../../i18n';

/** A choice whose label is read when it is shown, so it is in the language of the moment. */
function option<V extends string>(value: V, label: () => string): { value: V; readonly label: string } {
  return {
    value,
    get label() {
      return label();
    },
  };
}

const OUTCOMES = [
  option('', () => i18next.t('audit:AuditFilters.any')),
  option('ok', () => i18next.t('audit:AuditFilters.succeeded')),
  option('failed', () => i18next.t('audit:AuditFilters.failed')),
  option('denied', () => i18next.t('audit:AuditFilters.denied')),
];

const ENTRY_KINDS = [
  option('all', () => i18next.t('audit:AuditFilters.everything')),
  option('changes', () => i18next.t('audit:AuditFilters.changesAndSignIns')),
  option('views', () => i18next.t('audit:AuditFilters.recordViewsOnly')),
] as const;
type EntryKind = (typeof ENTRY_KINDS)[number]['value'];
const isEntryKind = (value: string): value is EntryKind => ENTRY_KINDS.some((kind) => kind.value === value);

const SHOWN = ['actor', 'action', 'entries', 'outcome', 'from', 'to'];
const OUTCOME_VALUES = new Set(['ok', 'failed', 'denied']);
const isOutcome = (value: string): value is NonNullable<AuditFilter['outcome']> => OUTCOME_VALUES.has(value);

/** Dates are the clinic's days (its time zone); the log stores instants. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('audit');
  const { timeZone } = useClinicClock();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [entries, setEntries] = useState<EntryKind>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: AuditFilter = {
    actor: actor.trim() || undefined,
    action: action.trim() || undefined,
    outcome: isOutcome(outcome) ? outcome : undefined,
    entries,
    from: from ? startOfClinicDay(from, timeZone) : undefined,
    to: to ? endOfClinicDay(to, timeZone) : undefined,
  };
  // The filters are audit.list's input: what it would refuse (a name too long) is said beside the field.
  const errors = useFormErrors({ actor, action, entries, outcome, from, to }, () =>
    draftProblems('audit.list', filter),
  );

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = draftProblems('audit.list', filter);
    if (Object.keys(local).length > 0) return errors.showProblems(local, SHOWN);
    onApply(filter);
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('AuditFilters.filterTheAuditLog')}>
      <Field
        label={t('AuditFilters.user')}
        hint={t('AuditFilters.userHint')}
        value={actor}
        onChange={(event) => setActor(event.target.value)}
        error={errors.errors.fields.actor}
      />
      <Field
        label={t('AuditFilters.action')}
        value={action}
        onChange={(event) => setAction(event.target.value)}
        hint={t('AuditFilters.startsWithEGAuth')}
        error={errors.errors.fields.action}
      />
      <SelectField
        label={t('AuditFilters.show')}
        value={entries}
        options={ENTRY_KINDS}
        onChange={(event) => {
          if (isEntryKind(event.target.value)) setEntries(event.target.value);
        }}
        error={errors.errors.fields.entries}
      />
      <SelectField
        label={t('AuditFilters.outcome')}
        value={outcome}
        options={OUTCOMES}
        onChange={(event) => setOutcome(event.target.value)}
        error={errors.errors.fields.outcome}
      />
      <DateField
        label={t('AuditFilters.fromDate')}
        value={from}
        onChange={(value) => setFrom(value)}
        error={errors.errors.fields.from}
      />
      <DateField
        label={t('AuditFilters.toDate')}
        value={to}
        onChange={(value) => setTo(value)}
        error={errors.errors.fields.to}
      />
      <button type="submit">{t('AuditFilters.applyFilters')}</button>
      <FormMessage error={errors.errors.form} />
    </form>
  );
}
