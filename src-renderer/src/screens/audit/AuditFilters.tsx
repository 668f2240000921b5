import { useState, type SyntheticEvent } from 'react';
import { Field } from '../../components/Field';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { endOfClinicDay, startOfClinicDay } from '../../format/datetime';
import type { AuditFilter } from '../../stores/audit';
import { useClinicClock } from '../../stores/clinic-settings';

const OUTCOMES = [
  { value: '', label: 'Any' },
  { value: 'ok', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'denied', label: 'Denied' },
];

const OUTCOME_VALUES = new Set(['ok', 'failed', 'denied']);
const isOutcome = (value: string): value is NonNullable<AuditFilter['outcome']> => OUTCOME_VALUES.has(value);

/** Dates are the clinic's days (its time zone); the log stores instants. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { timeZone } = useClinicClock();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    onApply({
      actor: actor.trim() || undefined,
      action: action.trim() || undefined,
      outcome: isOutcome(outcome) ? outcome : undefined,
      from: from ? startOfClinicDay(from, timeZone) : undefined,
      to: to ? endOfClinicDay(to, timeZone) : undefined,
    });
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <Field label="User" value={actor} onChange={(event) => setActor(event.target.value)} />
      <Field
        label="Action"
        value={action}
        onChange={(event) => setAction(event.target.value)}
        hint="Starts with, e.g. auth or users.create"
      />
      <SelectField
        label="Outcome"
        value={outcome}
        options={OUTCOMES}
        onChange={(event) => setOutcome(event.target.value)}
      />
      <DateField label="From date" value={from} onChange={(value) => setFrom(value)} />
      <DateField label="To date" value={to} onChange={(value) => setTo(value)} />
      <button type="submit">Apply filters</button>
    </form>
  );
}
