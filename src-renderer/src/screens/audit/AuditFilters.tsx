import { useState, type SyntheticEvent } from 'react';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import type { AuditFilter } from '../../stores/audit';

const OUTCOMES = [
  { value: '', label: 'Any' },
  { value: 'ok', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'denied', label: 'Denied' },
];

/** Dates are the computer's local days; the log stores instants. */
const dayStart = (date: string) => (date ? new Date(`${date}T00:00:00`).getTime() : undefined);
const dayEnd = (date: string) => (date ? new Date(`${date}T00:00:00`).getTime() + 86_400_000 : undefined);

export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
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
      outcome: (outcome || undefined) as AuditFilter['outcome'],
      from: dayStart(from),
      to: dayEnd(to),
    });
  }

  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the audit log">
      <Field label="User" value={actor} onChange={(event) => setActor(event.target.value)} />
      <Field label="Action" value={action} onChange={(event) => setAction(event.target.value)} hint="Start of a name, e.g. auth or users." />
      <SelectField label="Outcome" value={outcome} options={OUTCOMES} onChange={(event) => setOutcome(event.target.value)} />
      <Field label="From date" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <Field label="To date" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      <button type="submit">Apply filters</button>
    </form>
  );
}
